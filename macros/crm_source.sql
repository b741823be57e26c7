{#- The raw CRM table `table_name` of the `crm` source. When no crm_schema is set the raw
    tables are this project's demo seeds: say so to the DAG, so a plain `dbt build`
    loads them before it stages them. -#}
{% macro crm_source(table_name) -%}
    {%- if var('crm_schema') is none -%}
        {%- do ref(table_name) -%}
    {%- endif -%}
    {{ source('crm', table_name) }}
{%- endmacro %}
