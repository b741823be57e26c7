{#- The SDR's board: one row per staged user with role `sdr` (terminated ones included)
    and spine month, with the activity and prospecting KPIs the SDR acts on. Counts are 0
    in a month without records; rates are null when their denominator is 0. -#}

with

user_months as (
    select * from {{ ref('int_user_months_joined_to_kpi_parts') }}
),

leads as (
    select * from {{ ref('fct_leads') }}
),

opportunities as (
    select * from {{ ref('fct_opportunities') }}
),

-- leads the SDR owns that became SQL in the month
sqls_generated as (
    select
        owner_id as user_id,
        sql_month as month_start,
        count(*) as sqls_generated
    from leads
    where sql_month is not null
    group by owner_id, sql_month
),

-- opportunities the SDR sourced (sdr_id), by month of created_at
opportunities_sourced as (
    select
        sdr_id as user_id,
        created_month as month_start,
        count(*) as opportunities_sourced
    from opportunities
    where sdr_id is not null
    group by sdr_id, created_month
),

-- every SDR and spine month, with the SDR's KPI parts
user_parts as (
    select * from user_months
    where role = 'sdr'
),

final as (
    select
        -- ids
        user_parts.user_id,
        user_parts.team_id,

        -- strings
        user_parts.full_name,

        -- numerics
        coalesce(user_parts.calls_made, 0) as calls_made,
        coalesce(user_parts.emails_sent, 0) as emails_sent,
        coalesce(user_parts.linkedin_touches, 0) as linkedin_touches,
        coalesce(user_parts.total_activities, 0) as total_activities,
        {{ rate_pct('user_parts.emails_replied', 'user_parts.emails_sent') }} as email_response_rate,
        {{ rate_pct('user_parts.meetings_booked', 'user_parts.calls_made') }} as call_to_meeting_rate,
        coalesce(sqls_generated.sqls_generated, 0) as sqls_generated,
        coalesce(opportunities_sourced.opportunities_sourced, 0) as opportunities_sourced,

        -- dates
        user_parts.month_start
    from user_parts
    left join sqls_generated
        on user_parts.user_id = sqls_generated.user_id
        and user_parts.month_start = sqls_generated.month_start
    left join opportunities_sourced
        on user_parts.user_id = opportunities_sourced.user_id
        and user_parts.month_start = opportunities_sourced.month_start
)

select * from final
