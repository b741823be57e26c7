{#- The Account Executive's board: one row per staged user with role `ae` (terminated
    ones included) and spine month. The cohort KPIs (opportunities created in the month)
    are those of kpi_win_rate; the closing KPIs (deals won closed in the month) those of
    kpi_revenue, kpi_average_deal_size and kpi_sales_cycle_length; the quota those of
    kpi_quota_attainment (null when the user has no quota for the month). -#}

with

user_months as (
    select * from {{ ref('int_user_months_joined_to_kpi_parts') }}
),

-- every AE and spine month, with the AE's KPI parts
user_parts as (
    select * from user_months
    where role = 'ae'
),

final as (
    select
        -- ids
        user_parts.user_id,
        user_parts.team_id,

        -- strings
        user_parts.full_name,

        -- numerics
        coalesce(user_parts.opportunities_created, 0) as opportunities_created,
        coalesce(user_parts.opportunities_won, 0) as opportunities_won,
        {{ rate_pct('user_parts.opportunities_won', 'user_parts.opportunities_created') }} as win_rate,
        {{ rate_pct('user_parts.opportunities_won', 'user_parts.opportunities_won + user_parts.opportunities_lost') }} as closed_win_rate,
        coalesce(user_parts.deals_won, 0) as deals_won,
        coalesce(user_parts.revenue, 0) as revenue,
        {{ safe_divide('user_parts.revenue', 'user_parts.deals_won_with_amount') }} as average_deal_size,
        {{ safe_divide('user_parts.total_cycle_days', 'user_parts.deals_won') }} as avg_sales_cycle_days,
        case when user_parts.has_quota then user_parts.quota_amount end as quota_amount,
        case
            when user_parts.has_quota
                then {{ rate_pct('user_parts.quota_revenue', 'user_parts.quota_above_zero_amount') }}
        end as quota_attainment,

        -- dates
        user_parts.month_start
    from user_parts
)

select * from final
