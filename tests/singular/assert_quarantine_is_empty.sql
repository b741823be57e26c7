{{ config(severity='warn', store_failures=true) }}

{#- Warns when staging refused records: one row per raw table and reason, with the count.
    `dbt build` goes on (data_quality.md); the counts stay queryable in the audit table
    dbt stores for this test, and dq_quarantine lists every record. -#}

with

quarantine as (
    select * from {{ ref('dq_quarantine') }}
),

-- refused records by raw table and reason
counts as (
    select
        source_table,
        reason,
        count(*) as records
    from quarantine
    group by source_table, reason
)

select * from counts
