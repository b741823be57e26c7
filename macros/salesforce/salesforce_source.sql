{#- The connector table `table_name` of the `salesforce` source. An object an org may not
    have (salesforce_optional_objects: field history of leads, Collaborative Forecasts'
    quotas, multi-currency and its dated rates) that the connector did not land is read as
    an empty relation with the columns staging reads, so the build passes without it. -#}
{% macro salesforce_source(table_name) -%}
    {%- set optional = salesforce_optional_objects() -%}
    {%- if table_name in optional and not salesforce_object_is_present(table_name) -%}
        (
            select
                {%- for column_name, contract_type in optional[table_name].items() %}
                cast(null as {{ crm_column_type(contract_type) }}) as {{ column_name }}{{ ',' if not loop.last }}
                {%- endfor %}
            where 1 = 0
        )
    {%- else -%}
        {{ source('salesforce', table_name) }}
    {%- endif -%}
{%- endmacro %}

{#- Whether the connector landed the table `table_name` in var salesforce_schema (looked up
    when the model runs; while dbt parses, it is taken as present, and no source is read). -#}
{% macro salesforce_object_is_present(table_name) -%}
    {%- if not execute -%}
        {{ return(true) }}
    {%- endif -%}
    {%- set relation = source('salesforce', table_name) -%}
    {{ return(crm_relation_exists(relation)) }}
{%- endmacro %}

{#- The Salesforce objects an org may not have, with the columns (and their contract types)
    staging reads from each. -#}
{% macro salesforce_optional_objects() -%}
    {%- set deleted = {'_fivetran_deleted': 'boolean', '_fivetran_synced': 'timestamp'} -%}
    {{ return({
        'lead_history': {
            'id': 'text', 'lead_id': 'text', 'field': 'text', 'old_value': 'text', 'new_value': 'text',
            'created_date': 'timestamp', 'is_deleted': 'boolean', '_fivetran_synced': 'timestamp',
        },
        'forecasting_quota': dict({
            'id': 'text', 'quota_owner_id': 'text', 'start_date': 'date', 'quota_amount': 'decimal',
            'currency_iso_code': 'text', 'is_amount': 'boolean', 'last_modified_date': 'timestamp',
        }, **deleted),
        'currency_type': dict({
            'id': 'text', 'iso_code': 'text', 'conversion_rate': 'decimal', 'is_corporate': 'boolean',
            'is_active': 'boolean',
        }, **deleted),
        'dated_conversion_rate': dict({
            'id': 'text', 'iso_code': 'text', 'start_date': 'date', 'next_start_date': 'date',
            'conversion_rate': 'decimal',
        }, **deleted),
    }) }}
{%- endmacro %}
