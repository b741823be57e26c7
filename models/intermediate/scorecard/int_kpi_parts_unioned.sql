{#- The parts of every KPI of the catalogue in one relation: one row per KPI, person (a user
    for the KPIs attributed to people, a team for pct_reps_at_quota) or company, and month.
    The first step towards kpi_scorecard. -#}

with

activity_parts as (
    select * from {{ ref('int_activity_kpis_unpivoted') }}
),

lead_parts as (
    select * from {{ ref('int_lead_kpis_unpivoted') }}
),

deal_parts as (
    select * from {{ ref('int_deal_kpis_unpivoted') }}
),

quota_parts as (
    select * from {{ ref('int_quota_kpis_unpivoted') }}
),

customer_base_parts as (
    select * from {{ ref('int_customer_base_kpis_unpivoted') }}
),

customer_value_parts as (
    select * from {{ ref('int_customer_value_kpis_unpivoted') }}
),

-- the parts of every area, stacked
final as (
    select * from activity_parts
    union all
    select * from lead_parts
    union all
    select * from deal_parts
    union all
    select * from quota_parts
    union all
    select * from customer_base_parts
    union all
    select * from customer_value_parts
)

select * from final
