{#- The SDR's board: one row per staged user with role `sdr` (terminated ones included)
    and spine month, with the activity and prospecting KPIs the SDR acts on. The activity
    marts are at the user × month grain already: their columns are taken as they are
    (counts 0 and rates null in a month without a row). -#}

with

user_months as (
    select * from {{ ref('int_users_joined_to_months') }}
),

activity_volume as (
    select * from {{ ref('kpi_activity_volume') }}
),

email_response as (
    select * from {{ ref('kpi_email_response_rate') }}
),

call_to_meeting as (
    select * from {{ ref('kpi_call_to_meeting_rate') }}
),

leads as (
    select * from {{ ref('fct_leads') }}
),

opportunities as (
    select * from {{ ref('fct_opportunities') }}
),

-- every SDR and spine month
sdr_months as (
    select * from user_months
    where role = 'sdr'
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

final as (
    select
        -- ids
        sdr_months.user_id,
        sdr_months.team_id,

        -- strings
        sdr_months.full_name,

        -- numerics
        coalesce(activity_volume.calls_made, 0) as calls_made,
        coalesce(activity_volume.emails_sent, 0) as emails_sent,
        coalesce(activity_volume.linkedin_touches, 0) as linkedin_touches,
        coalesce(activity_volume.total_activities, 0) as total_activities,
        email_response.email_response_rate,
        call_to_meeting.call_to_meeting_rate,
        coalesce(sqls_generated.sqls_generated, 0) as sqls_generated,
        coalesce(opportunities_sourced.opportunities_sourced, 0) as opportunities_sourced,

        -- dates
        sdr_months.month_start
    from sdr_months
    left join activity_volume
        on sdr_months.user_id = activity_volume.user_id
        and sdr_months.month_start = activity_volume.month_start
    left join email_response
        on sdr_months.user_id = email_response.user_id
        and sdr_months.month_start = email_response.month_start
    left join call_to_meeting
        on sdr_months.user_id = call_to_meeting.user_id
        and sdr_months.month_start = call_to_meeting.month_start
    left join sqls_generated
        on sdr_months.user_id = sqls_generated.user_id
        and sdr_months.month_start = sqls_generated.month_start
    left join opportunities_sourced
        on sdr_months.user_id = opportunities_sourced.user_id
        and sdr_months.month_start = opportunities_sourced.month_start
)

select * from final
