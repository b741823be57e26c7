{#- The sales manager's board: the company, one row per spine month, with the KPIs the
    manager acts on side by side (kpis.md, Role scorecards) — kpi_scorecard's company
    values, so the board and the long table never disagree. -#}

{%- set board_columns = [
    {'column': 'revenue', 'kpi_name': 'revenue'},
    {'column': 'deals_won', 'kpi_name': 'deals_won'},
    {'column': 'win_rate', 'kpi_name': 'win_rate'},
    {'column': 'pct_reps_at_quota', 'kpi_name': 'pct_reps_at_quota'},
    {'column': 'cac', 'kpi_name': 'cac'},
    {'column': 'ltv', 'kpi_name': 'ltv'},
    {'column': 'ltv_to_cac', 'kpi_name': 'ltv_to_cac'},
    {'column': 'mrr', 'kpi_name': 'mrr'},
    {'column': 'mrr_growth_rate', 'kpi_name': 'mrr_growth_rate'},
    {'column': 'churn_rate', 'kpi_name': 'churn_rate'},
    {'column': 'nps', 'kpi_name': 'nps'},
    {'column': 'weighted_pipeline', 'kpi_name': 'weighted_pipeline'},
] -%}

with

months as (
    select * from {{ ref('dim_months') }}
),

scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

catalog as (
    select * from {{ ref('kpi_catalog') }}
),

-- every spine month, for the company
board_people as (
    select month_start from months
),

-- one column per KPI of the board, from kpi_scorecard's monthly rows
final as (
    {{ scorecard_board(scope_type='company', people_columns=[], columns=board_columns) }}
)

select * from final
