{#- The whole query of a base_contract__<table> model: the raw contract table, every
    contract column as trimmed text (crm_text), one row per raw record, and unmapped_value
    (always null: the contract's values need no mapping). -#}
{% macro crm_contract_as_text(table_name) -%}
with

raw_rows as (
    select * from {{ crm_raw_table(table_name) }}
),

-- every contract column as trimmed text, whatever type the loader delivered
final as (
    select
        {%- for column_name in crm_contract()[table_name].columns %}
        {{ crm_text(column_name) }} as {{ column_name }},
        {%- endfor %}
        -- the contract's own values need no mapping
        cast(null as {{ dbt.type_string() }}) as unmapped_value
    from raw_rows
)

select * from final
{%- endmacro %}
