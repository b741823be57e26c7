{#- Nothing is lost between the raw tables and staging (data_quality.md): for every raw
    table of the contract, raw rows = staged rows + soft-deleted rows + quarantined rows.
    Declared once, on dq_quarantine (the model given): raw rows are counted in the source
    adapter of var crm_source (macro crm_shaped_rows), staged rows in stg_crm__<table>,
    soft-deleted ones in base_crm__<table> and quarantined ones here, so a join that drops
    rows or a table missing from the quarantine fails, with the four counts of that table. -#}
{% test raw_rows_accounted_for(model) %}

{%- set crm_tables = crm_contract().keys() | list %}

with

-- the rows of each raw table in each place it can end up, but the quarantine
layer_rows as (
    {%- for table_name in crm_tables %}
    select '{{ table_name }}' as source_table, 'raw' as layer, count(*) as row_count
    from {{ crm_shaped_rows(table_name) }}
    union all
    select '{{ table_name }}' as source_table, 'staged' as layer, count(*) as row_count
    from {{ ref('stg_crm__' ~ table_name) }}
    union all
    select '{{ table_name }}' as source_table, 'soft_deleted' as layer, count(*) as row_count
    from {{ ref('base_crm__' ~ table_name) }}
    where dq_reason = 'soft_deleted'
    {{ 'union all' if not loop.last }}
    {%- endfor %}
),

-- and in the quarantine
quarantined_rows as (
    select
        source_table,
        count(*) as row_count
    from {{ model }}
    group by source_table
),

-- the four counts of each raw table
accounting as (
    select
        layer_rows.source_table,
        sum(case when layer_rows.layer = 'raw' then layer_rows.row_count else 0 end) as raw_rows,
        sum(case when layer_rows.layer = 'staged' then layer_rows.row_count else 0 end) as staged_rows,
        sum(case when layer_rows.layer = 'soft_deleted' then layer_rows.row_count else 0 end) as deleted_rows,
        coalesce(max(quarantined_rows.row_count), 0) as quarantined_rows
    from layer_rows
    left join quarantined_rows
        on layer_rows.source_table = quarantined_rows.source_table
    group by layer_rows.source_table
)

select * from accounting
where raw_rows <> staged_rows + deleted_rows + quarantined_rows

{% endtest %}
