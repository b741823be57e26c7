{#- The SDR's board: one row per staged user with role `sdr` (terminated ones included)
    and spine month, with the KPIs the SDR acts on (kpis.md, Role scorecards): activity
    volume, response rates, and what the activity turns into (SQLs generated, opportunities
    sourced). -#}

{%- set board_columns = [
    {'column': 'calls_made', 'kpi_name': 'calls_made'},
    {'column': 'emails_sent', 'kpi_name': 'emails_sent'},
    {'column': 'linkedin_touches', 'kpi_name': 'linkedin_touches'},
    {'column': 'total_activities', 'kpi_name': 'total_activities'},
    {'column': 'email_response_rate', 'kpi_name': 'email_response_rate'},
    {'column': 'call_to_meeting_rate', 'kpi_name': 'call_to_meeting_rate'},
    {'column': 'sqls_generated', 'kpi_name': 'sqls_generated'},
    {'column': 'opportunities_sourced', 'kpi_name': 'opportunities_sourced'},
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

-- every SDR and spine month
board_people as (
    select * from user_months
    where role = 'sdr'
),

-- one column per KPI of the board, from kpi_scorecard's monthly rows
final as (
    {{ scorecard_board(scope_type='user', people_columns=['user_id', 'team_id', 'full_name'], columns=board_columns) }}
)

select * from final
