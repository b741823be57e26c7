{#- The Account Executive's board: one row per staged user with role `ae` (terminated ones
    included) and spine month, with the KPIs the AE acts on (kpis.md, Role scorecards): the
    cohort created in the month (win rate and its parts), the deals won in the month, the
    quota and its attainment (null without a quota). -#}

{%- set board_columns = [
    {'column': 'opportunities_created', 'kpi_name': 'win_rate', 'part': 'denominator', 'missing_as': 0},
    {'column': 'opportunities_won', 'kpi_name': 'win_rate', 'part': 'numerator', 'missing_as': 0},
    {'column': 'win_rate', 'kpi_name': 'win_rate'},
    {'column': 'closed_win_rate', 'kpi_name': 'closed_win_rate'},
    {'column': 'deals_won', 'kpi_name': 'deals_won'},
    {'column': 'revenue', 'kpi_name': 'revenue'},
    {'column': 'average_deal_size', 'kpi_name': 'average_deal_size'},
    {'column': 'avg_sales_cycle_days', 'kpi_name': 'avg_sales_cycle_days'},
    {'column': 'quota_amount', 'kpi_name': 'quota_attainment', 'part': 'denominator'},
    {'column': 'quota_attainment', 'kpi_name': 'quota_attainment'},
] -%}

with

user_months as (
    select * from {{ ref('int_users_joined_to_months') }}
),

scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

catalog as (
    select * from {{ ref('kpi_catalog') }}
),

-- every AE and spine month
board_people as (
    select * from user_months
    where role = 'ae'
),

-- one column per KPI of the board, from kpi_scorecard's monthly rows
final as (
    {{ scorecard_board(scope_type='user', people_columns=['user_id', 'team_id', 'full_name'], columns=board_columns) }}
)

select * from final
