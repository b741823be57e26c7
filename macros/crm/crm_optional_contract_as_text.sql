{#- The whole query of a source adapter's model for a contract table its CRM does not hold
    (subscriptions, quotas, acquisition costs, NPS answers, exchange rates read from the
    contract tables of var crm_schema): crm_contract_as_text when the table is there; when
    crm_schema lacks it, the same columns with no row, so the build passes and the KPIs
    needing it are empty or null. Only a table of the `crm` source is looked up (the demo
    seeds and a folder of files are always read). -#}
{% macro crm_optional_contract_as_text(table_name) -%}
    {%- set is_present = true -%}
    {%- if execute and var('crm_path') is none and var('crm_schema') is not none -%}
        {%- set relation = source('crm', table_name) -%}
        {%- set is_present = crm_relation_exists(relation) -%}
    {%- endif -%}
    {%- if is_present -%}
        {{ crm_contract_as_text(table_name) }}
    {%- else -%}
with

-- {{ table_name }} is absent from crm_schema: the contract's columns, no row
final as (
    select
        {%- for column_name in crm_contract()[table_name].columns %}
        cast(null as {{ dbt.type_string() }}) as {{ column_name }},
        {%- endfor %}
        cast(null as {{ dbt.type_string() }}) as unmapped_value
    where 1 = 0
)

select * from final
    {%- endif -%}
{%- endmacro %}
