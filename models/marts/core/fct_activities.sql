{#- One row per staged activity (call, email, LinkedIn touch, meeting, demo) with the
    flags the activity KPIs count. A view over the staged activities (doc block
    fct_activities_view): the flags are a few comparisons on columns a table of staging
    already holds, so writing its millions of rows a second time bought nothing. The
    user's team and role are dim_users' (current), never copied here. -#}
{{ config(materialized='view') }}

with

activities as (
    select * from {{ ref('stg_crm__activities') }}
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
    from activities
),

final as (
    select
        -- ids
        activity_id,
        coalesce(user_id, 'unknown') as user_id,
        lead_id,
        contact_id,
        account_id,
        opportunity_id,

        -- strings
        activity_type,
        direction,
        outcome,

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
        occurred_at,
        staged_at
    from activities_flagged
)

select * from final
