{#- kpis.md, kpi_mrr_growth: every month satisfies the MRR bridge exactly (MRR amounts are
    decimals, summed without rounding)
        mrr = previous_mrr + new_mrr + reactivation_mrr + expansion_mrr − contraction_mrr − churned_mrr
    every movement is ≥ 0, and previous_mrr is the mrr of the spine month before (0 for
    the first month). Returns the months that break a rule. -#}
{% test mrr_bridge_holds(model) %}

with

mrr_growth as (
    select * from {{ model }}
),

-- the mrr of the month before, read from the mart itself
with_month_before as (
    select
        *,
        coalesce(lag(mrr) over (order by month_start), 0) as mrr_of_month_before
    from mrr_growth
),

-- the months where the bridge, a movement's sign or the chaining fails
broken_months as (
    select
        month_start,
        mrr,
        previous_mrr,
        mrr_of_month_before,
        previous_mrr + new_mrr + reactivation_mrr + expansion_mrr - contraction_mrr - churned_mrr as bridged_mrr
    from with_month_before
    where mrr <> previous_mrr + new_mrr + reactivation_mrr + expansion_mrr - contraction_mrr - churned_mrr
        or previous_mrr <> mrr_of_month_before
        or new_mrr < 0
        or reactivation_mrr < 0
        or expansion_mrr < 0
        or contraction_mrr < 0
        or churned_mrr < 0
)

select * from broken_months

{% endtest %}
