-- manager_scorecard's columns equal kpi_scorecard's company values of the month, which
-- assert_kpi_scorecard_matches_marts proves equal to the KPI marts; and the board has a
-- row for every spine month. A row returned is a difference.

{%- set kpis = [
    'revenue', 'deals_won', 'win_rate', 'pct_reps_at_quota', 'cac', 'ltv', 'ltv_to_cac',
    'mrr', 'mrr_growth_rate', 'churn_rate', 'nps', 'weighted_pipeline',
] %}

with

board as (
    select * from {{ ref('manager_scorecard') }}
),

-- the company's monthly values of the long table, for the board's KPIs
company_months as (
    select
        kpi_name,
        value,
        period_start as month_start
    from {{ ref('kpi_scorecard') }}
    where period_grain = 'month'
        and scope_type = 'company'
        and kpi_name in ('{{ kpis | join("', '") }}')
),

-- the board unpivoted to one row per KPI and month
board_values as (
    {%- for kpi in kpis %}
    select
        '{{ kpi }}' as kpi_name,
        {{ kpi }} as value,
        month_start
    from board
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

joined as (
    select
        company_months.kpi_name,
        company_months.month_start,
        company_months.value as scorecard_value,
        board_values.value,
        board_values.kpi_name is null as is_missing_from_board
    from company_months
    left join board_values
        on company_months.kpi_name = board_values.kpi_name
        and company_months.month_start = board_values.month_start
)

select * from joined
where is_missing_from_board
    or {{ values_differ('value', 'scorecard_value') }}
