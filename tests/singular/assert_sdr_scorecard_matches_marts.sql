-- sdr_scorecard's KPI columns equal the marts they come from: the activity counts of
-- kpi_activity_volume (0 without a row), the rates of kpi_email_response_rate and
-- kpi_call_to_meeting_rate (null without a row), for every SDR and spine month.
-- A row returned is a difference.

with

scorecard as (
    select * from {{ ref('sdr_scorecard') }}
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

joined as (
    select
        scorecard.*,
        coalesce(activity_volume.calls_made, 0) as mart_calls_made,
        coalesce(activity_volume.emails_sent, 0) as mart_emails_sent,
        coalesce(activity_volume.linkedin_touches, 0) as mart_linkedin_touches,
        coalesce(activity_volume.total_activities, 0) as mart_total_activities,
        email_response.email_response_rate as mart_email_response_rate,
        call_to_meeting.call_to_meeting_rate as mart_call_to_meeting_rate
    from scorecard
    left join activity_volume
        on scorecard.user_id = activity_volume.user_id
        and scorecard.month_start = activity_volume.month_start
    left join email_response
        on scorecard.user_id = email_response.user_id
        and scorecard.month_start = email_response.month_start
    left join call_to_meeting
        on scorecard.user_id = call_to_meeting.user_id
        and scorecard.month_start = call_to_meeting.month_start
)

select * from joined
where
    {%- for column in ['calls_made', 'emails_sent', 'linkedin_touches', 'total_activities', 'email_response_rate', 'call_to_meeting_rate'] %}
    {{ 'or ' if not loop.first }}{{ values_differ(column, 'mart_' ~ column) }}
    {%- endfor %}
