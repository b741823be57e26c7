{#- The sales manager's board: the company, one row per spine month, the KPIs the manager
    acts on side by side. Each value is kpi_scorecard's company value for the month (the
    parts summed over every team, rep, segment and channel, then divided), so the board
    and the long table never disagree. -#}

{%- set kpis = [
    'revenue', 'deals_won', 'win_rate', 'pct_reps_at_quota', 'cac', 'ltv', 'ltv_to_cac',
    'mrr', 'mrr_growth_rate', 'churn_rate', 'nps', 'weighted_pipeline',
] -%}

with

scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

-- the company's monthly values
company_months as (
    select
        kpi_name,
        value,
        period_start as month_start
    from scorecard
    where period_grain = 'month'
        and scope_type = 'company'
),

-- one column per KPI
final as (
    select
        -- numerics
        {%- for kpi in kpis %}
        max(case when kpi_name = '{{ kpi }}' then value end) as {{ kpi }},
        {%- endfor %}

        -- dates
        month_start
    from company_months
    group by month_start
)

select * from final
