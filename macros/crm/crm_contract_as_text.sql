{#- The whole query of a base_contract__<table> model: the raw contract table, every
    contract column as trimmed text (crm_text), one row per raw record. -#}
{% macro crm_contract_as_text(table_name) -%}
with

raw_rows as (
    select * from {{ crm_raw_table(table_name) }}
),

-- every contract column as trimmed text, whatever type the loader delivered
final as (
    select
        {%- for column_name in crm_contract()[table_name].columns %}
        {{ crm_text(column_name) }} as {{ column_name }}{{ ',' if not loop.last }}
        {%- endfor %}
    from raw_rows
)

select * from final
{%- endmacro %}
