{#- Every staged user (terminated ones included) and spine month, with the person's KPI
    parts of the month (null where the person has none). The role boards start from it:
    sdr_scorecard keeps the SDRs, ae_scorecard the AEs. -#}

with

months as (
    select * from {{ ref('dim_months') }}
),

users as (
    select * from {{ ref('dim_users') }}
),

user_parts as (
    select * from {{ ref('int_user_kpi_parts_aggregated') }}
),

-- every staged user and spine month
user_months as (
    select
        users.user_id,
        users.team_id,
        users.full_name,
        users.role,
        months.month_start
    from users
    cross join months
),

final as (
    select
        -- ids
        user_months.user_id,
        user_months.team_id,

        -- strings
        user_months.full_name,
        user_months.role,

        -- numerics
        user_parts.calls_made,
        user_parts.emails_sent,
        user_parts.linkedin_touches,
        user_parts.total_activities,
        user_parts.emails_replied,
        user_parts.meetings_booked,
        user_parts.opportunities_created,
        user_parts.opportunities_won,
        user_parts.opportunities_lost,
        user_parts.deals_won,
        user_parts.revenue,
        user_parts.deals_won_with_amount,
        user_parts.total_cycle_days,
        user_parts.quota_amount,
        user_parts.quota_revenue,
        user_parts.quota_above_zero_amount,

        -- booleans
        coalesce(user_parts.has_quota, false) as has_quota,

        -- dates
        user_months.month_start
    from user_months
    left join user_parts
        on user_months.user_id = user_parts.user_id
        and user_months.month_start = user_parts.month_start
)

select * from final
