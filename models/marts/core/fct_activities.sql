{#- One row per staged activity (call, email, LinkedIn touch, meeting, demo) with the
    flags the activity KPIs count. -#}

with

activities as (
    select * from {{ ref('stg_crm__activities') }}
),

users as (
    select * from {{ ref('dim_users') }}
),

-- user attributes; `unknown` when the user is not staged
activities_enriched as (
    select
        activities.*,
        coalesce(users.team_id, 'unknown') as user_team_id,
        coalesce(users.role, 'unknown') as user_role
    from activities
    left join users
        on activities.user_id = users.user_id
),

-- the KPI flags of kpis.md (outcome is free text, compared as given)
activities_flagged as (
    select
        *,
        direction = 'outbound' as is_outbound,
        activity_type = 'call' and direction = 'outbound' as is_call_made,
        activity_type = 'email' and direction = 'outbound' as is_email_sent,
        activity_type in ('linkedin_visit', 'linkedin_message') and direction = 'outbound' as is_linkedin_touch,
        activity_type = 'meeting' and coalesce(outcome = 'completed', false) as is_meeting_held,
        activity_type = 'demo' and coalesce(outcome = 'completed', false) as is_demo_held,
        activity_type = 'email' and direction = 'outbound' and coalesce(outcome = 'replied', false) as is_email_replied,
        activity_type = 'call' and direction = 'outbound' and coalesce(outcome = 'meeting_booked', false) as is_meeting_booked
    from activities_enriched
),

final as (
    select
        -- ids
        activity_id,
        coalesce(user_id, 'unknown') as user_id,
        user_team_id,
        lead_id,
        contact_id,
        account_id,
        opportunity_id,

        -- strings
        activity_type,
        direction,
        outcome,
        user_role,

        -- numerics
        duration_seconds,

        -- booleans
        is_outbound,
        is_call_made,
        is_email_sent,
        is_linkedin_touch,
        is_meeting_held,
        is_demo_held,
        is_email_replied,
        is_meeting_booked,

        -- dates
        {{ month_start('occurred_at') }} as activity_month,

        -- timestamps
        occurred_at
    from activities_flagged
)

select * from final
