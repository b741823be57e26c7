{#- The Account Executive's board: one row per staged user with role `ae` (terminated
    ones included) and spine month. The cohort KPIs (opportunities created in the month)
    sum kpi_win_rate's parts over segments and opportunity types; the closing KPIs (won
    deals closed in the month) sum int_opportunities_won_aggregated, the aggregate behind
    kpi_revenue, kpi_average_deal_size and kpi_sales_cycle_length; the quota is
    kpi_quota_attainment's row (null when the user has no quota for the month). -#}

with

user_months as (
    select * from {{ ref('int_users_joined_to_months') }}
),

win_rate as (
    select * from {{ ref('kpi_win_rate') }}
),

opportunities_won as (
    select * from {{ ref('int_opportunities_won_aggregated') }}
),

quota_attainment as (
    select * from {{ ref('kpi_quota_attainment') }}
),

-- every AE and spine month
ae_months as (
    select * from user_months
    where role = 'ae'
),

-- the AE's cohort of the month, over segments and opportunity types
cohorts as (
    select
        owner_id as user_id,
        month_start,
        sum(opportunities_created) as opportunities_created,
        sum(opportunities_won) as opportunities_won,
        sum(opportunities_lost) as opportunities_lost
    from win_rate
    group by owner_id, month_start
),

-- the AE's won deals closed in the month, over segments and opportunity types
closings as (
    select
        owner_id as user_id,
        month_start,
        sum(deals_won) as deals_won,
        sum(deals_won_with_amount) as deals_won_with_amount,
        sum(revenue) as revenue,
        sum(total_cycle_days) as total_cycle_days
    from opportunities_won
    group by owner_id, month_start
),

final as (
    select
        -- ids
        ae_months.user_id,
        ae_months.team_id,

        -- strings
        ae_months.full_name,

        -- numerics
        coalesce(cohorts.opportunities_created, 0) as opportunities_created,
        coalesce(cohorts.opportunities_won, 0) as opportunities_won,
        {{ rate_pct('cohorts.opportunities_won', 'cohorts.opportunities_created') }} as win_rate,
        {{ rate_pct('cohorts.opportunities_won', 'cohorts.opportunities_won + cohorts.opportunities_lost') }} as closed_win_rate,
        coalesce(closings.deals_won, 0) as deals_won,
        coalesce(closings.revenue, 0) as revenue,
        {{ safe_divide('closings.revenue', 'closings.deals_won_with_amount') }} as average_deal_size,
        {{ safe_divide('closings.total_cycle_days', 'closings.deals_won') }} as avg_sales_cycle_days,
        quota_attainment.quota_amount,
        quota_attainment.quota_attainment,

        -- dates
        ae_months.month_start
    from ae_months
    left join cohorts
        on ae_months.user_id = cohorts.user_id
        and ae_months.month_start = cohorts.month_start
    left join closings
        on ae_months.user_id = closings.user_id
        and ae_months.month_start = closings.month_start
    left join quota_attainment
        on ae_months.user_id = quota_attainment.user_id
        and ae_months.month_start = quota_attainment.month_start
)

select * from final
