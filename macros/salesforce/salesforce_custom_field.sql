{#- A custom field of a connector table as text: the column `column_name` (a var naming it,
    as the connector lands it: Segment__c -> segment_c), or null when the var is null (the
    org has no such field). -#}
{% macro salesforce_custom_field(column_name) -%}
    {%- if column_name -%}
        cast({{ column_name }} as {{ dbt.type_string() }})
    {%- else -%}
        cast(null as {{ dbt.type_string() }})
    {%- endif -%}
{%- endmacro %}
