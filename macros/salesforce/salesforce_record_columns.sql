{#- The last columns of a stg_salesforce__<object> model: is_deleted, the record's deletion
    flag as the connector lands it (`deleted_column`: is_deleted for an object with
    Salesforce's IsDeleted, _fivetran_deleted for one without), when the record was created
    and last modified (created_at, updated_at: only when `dated`) and when the connector
    last wrote it (fivetran_synced_at), in UTC. -#}
{% macro salesforce_record_columns(deleted_column='is_deleted', dated=true) -%}
    coalesce({{ deleted_column }}, false) as is_deleted,
        {%- if dated %}
        {{ crm_utc_timestamp('created_date') }} as created_at,
        {{ crm_utc_timestamp('last_modified_date') }} as updated_at,
        {%- endif %}
        {{ crm_utc_timestamp('_fivetran_synced') }} as fivetran_synced_at
{%- endmacro %}
