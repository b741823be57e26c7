{#- data_quality.md: reports the records staging refused, one row per raw table and reason
    with the count (declared with severity warn on dq_quarantine: `dbt build` goes on, the
    counts stay queryable in the audit table dbt stores with store_failures). -#}
{% test quarantine_is_empty(model) %}

with

quarantine as (
    select * from {{ model }}
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

{% endtest %}
