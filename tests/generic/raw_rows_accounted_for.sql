{#- Nothing is lost between the raw table and staging (data_quality.md):
    raw rows = staged rows + soft-deleted rows + quarantined rows.
    Staged rows are counted in the staging model itself and quarantined rows in
    dq_quarantine, so a join that drops rows or a table missing from the quarantine fails. -#}
{% test raw_rows_accounted_for(model, table_name) %}

with

raw_rows as (
    select count(*) as row_count from {{ crm_shaped_rows(table_name) }}
),

staged_rows as (
    select count(*) as row_count from {{ model }}
),

deleted_rows as (
    select count(*) as row_count
    from {{ ref('base_crm__' ~ table_name) }}
    where dq_reason = 'soft_deleted'
),

quarantined_rows as (
    select count(*) as row_count
    from {{ ref('dq_quarantine') }}
    where source_table = '{{ table_name }}'
),

accounting as (
    select
        '{{ table_name }}' as source_table,
        raw_rows.row_count as raw_rows,
        staged_rows.row_count as staged_rows,
        deleted_rows.row_count as deleted_rows,
        quarantined_rows.row_count as quarantined_rows
    from raw_rows
    cross join staged_rows
    cross join deleted_rows
    cross join quarantined_rows
)

select * from accounting
where raw_rows <> staged_rows + deleted_rows + quarantined_rows

{% endtest %}
