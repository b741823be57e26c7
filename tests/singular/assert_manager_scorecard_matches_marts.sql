-- manager_scorecard's columns equal the company's monthly values computed straight from
-- the KPI marts (macro company_kpi_values_from_marts), for every spine month the mart
-- has. A row returned is a difference.

{%- set kpis = [
    'revenue', 'deals_won', 'win_rate', 'pct_reps_at_quota', 'cac', 'ltv', 'ltv_to_cac',
    'mrr', 'mrr_growth_rate', 'churn_rate', 'nps', 'weighted_pipeline',
] %}

with

scorecard as (
    select * from {{ ref('manager_scorecard') }}
),

mart_values as (
    {{ company_kpi_values_from_marts() }}
),

-- the scorecard unpivoted to one row per KPI and month
scorecard_values as (
    {%- for kpi in kpis %}
    select
        '{{ kpi }}' as kpi_name,
        {{ kpi }} as value,
        month_start
    from scorecard
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

joined as (
    select
        mart_values.kpi_name,
        mart_values.month_start,
        mart_values.value as mart_value,
        scorecard_values.value
    from mart_values
    inner join scorecard_values
        on mart_values.kpi_name = scorecard_values.kpi_name
        and mart_values.month_start = scorecard_values.month_start
)

select * from joined
where {{ values_differ('value', 'mart_value') }}
