{#- The engagements that are activities, one row each, in the activity shape but before their
    associations (base_hubspot__activities adds them): calls, e-mails (a reply folded into the
    e-mail it answers), meetings (demos by their type), LinkedIn messages (communications) and
    LinkedIn profile visits (completed Sales Navigator tasks). Values through the seed
    hubspot__activity_values; the owner from each engagement table (the parent engagement's
    owner_id is deprecated and null). -#}
with

calls as (
    select * from {{ ref('stg_hubspot__engagement_call') }}
),

emails as (
    select * from {{ ref('stg_hubspot__engagement_email') }}
),

meetings as (
    select * from {{ ref('stg_hubspot__engagement_meeting') }}
),

communications as (
    select * from {{ ref('stg_hubspot__engagement_communication') }}
),

tasks as (
    select * from {{ ref('stg_hubspot__engagement_task') }}
),

activity_values as (
    select * from {{ ref('hubspot__activity_values') }}
),

owner_map as (
    select * from {{ ref('hubspot__owners') }}
),

-- calls: direction and outcome (the disposition) through the seed; duration from milliseconds
call_activities as (
    select
        calls.engagement_id,
        'call' as activity_type,
        call_direction.direction,
        calls.property_hubspot_owner_id as owner_id,
        calls.property_hs_timestamp as occurred_at,
        call_outcome.outcome,
        cast(floor(calls.property_hs_call_duration / 1000) as {{ dbt.type_int() }}) as duration_seconds,
        calls._fivetran_deleted as is_deleted,
        coalesce(
            {{ hubspot_unmapped('engagement_call.hs_call_direction', 'calls.property_hs_call_direction', 'call_direction.direction') }},
            {{ hubspot_unmapped('engagement_call.hs_call_disposition', 'calls.property_hs_call_disposition', 'call_outcome.outcome') }}
        ) as unmapped_value
    from calls
    {{ hubspot_value_join('call_direction', 'engagement_call.hs_call_direction', 'calls.property_hs_call_direction') }}
    {{ hubspot_value_join('call_outcome', 'engagement_call.hs_call_disposition', 'calls.property_hs_call_disposition') }}
),

-- the first e-mail of each thread: the others of the thread answer it
thread_starts as (
    select
        property_hs_email_thread_id as thread_id,
        min(property_hs_timestamp) as started_at
    from emails
    where property_hs_email_direction <> 'INCOMING_EMAIL'
    group by property_hs_email_thread_id
),

-- threads where an incoming e-mail answers one of ours
replied_threads as (
    select distinct thread_starts.thread_id
    from emails
    inner join thread_starts
        on emails.property_hs_email_thread_id = thread_starts.thread_id
    where emails.property_hs_email_direction = 'INCOMING_EMAIL'
        and emails.property_hs_timestamp > thread_starts.started_at
),

-- e-mails: an incoming e-mail answering one of ours is that e-mail's outcome (replied), not an activity
email_activities as (
    select
        emails.engagement_id,
        'email' as activity_type,
        email_direction.direction,
        emails.property_hubspot_owner_id as owner_id,
        emails.property_hs_timestamp as occurred_at,
        case
            when replied_threads.thread_id is not null and emails.property_hs_timestamp = thread_starts.started_at
                and emails.property_hs_email_direction <> 'INCOMING_EMAIL'
                then 'replied'
            else email_outcome.outcome
        end as outcome,
        cast(null as {{ dbt.type_int() }}) as duration_seconds,
        emails._fivetran_deleted as is_deleted,
        coalesce(
            {{ hubspot_unmapped(
                'engagement_email.hs_email_direction', 'emails.property_hs_email_direction', 'email_direction.direction',
            ) }},
            {{ hubspot_unmapped('engagement_email.hs_email_status', 'emails.property_hs_email_status', 'email_outcome.outcome') }}
        ) as unmapped_value
    from emails
    left join thread_starts
        on emails.property_hs_email_thread_id = thread_starts.thread_id
    left join replied_threads
        on emails.property_hs_email_thread_id = replied_threads.thread_id
    {{ hubspot_value_join('email_direction', 'engagement_email.hs_email_direction', 'emails.property_hs_email_direction') }}
    {{ hubspot_value_join('email_outcome', 'engagement_email.hs_email_status', 'emails.property_hs_email_status') }}
    where thread_starts.thread_id is null
        or emails.property_hs_email_direction <> 'INCOMING_EMAIL'
        or emails.property_hs_timestamp <= thread_starts.started_at
),

-- meetings: a meeting without type is a meeting; HubSpot gives a meeting no direction (outbound)
meeting_activities as (
    select
        meetings.engagement_id,
        case
            when meetings.property_hs_activity_type is null then 'meeting'
            else meeting_type.activity_type
        end as activity_type,
        'outbound' as direction,
        meetings.property_hubspot_owner_id as owner_id,
        meetings.property_hs_timestamp as occurred_at,
        meeting_outcome.outcome,
        {{ dbt.datediff(
            'meetings.property_hs_meeting_start_time', 'meetings.property_hs_meeting_end_time', 'second',
        ) }} as duration_seconds,
        meetings._fivetran_deleted as is_deleted,
        coalesce(
            {{ hubspot_unmapped(
                'engagement_meeting.hs_activity_type', 'meetings.property_hs_activity_type', 'meeting_type.activity_type',
            ) }},
            {{ hubspot_unmapped(
                'engagement_meeting.hs_meeting_outcome', 'meetings.property_hs_meeting_outcome', 'meeting_outcome.outcome',
            ) }}
        ) as unmapped_value
    from meetings
    {{ hubspot_value_join('meeting_type', 'engagement_meeting.hs_activity_type', 'meetings.property_hs_activity_type') }}
    {{ hubspot_value_join('meeting_outcome', 'engagement_meeting.hs_meeting_outcome', 'meetings.property_hs_meeting_outcome') }}
),

-- communications (LinkedIn messages): the channel through the seed; logged means sent
communication_activities as (
    select
        communications.engagement_id,
        channel.activity_type,
        'outbound' as direction,
        communications.property_hubspot_owner_id as owner_id,
        communications.property_hs_timestamp as occurred_at,
        'sent' as outcome,
        cast(null as {{ dbt.type_int() }}) as duration_seconds,
        communications._fivetran_deleted as is_deleted,
        {{ hubspot_unmapped(
            'engagement_communication.hs_communication_channel_type',
            'communications.property_hs_communication_channel_type',
            'channel.activity_type',
        ) }} as unmapped_value
    from communications
    {{ hubspot_value_join(
        'channel', 'engagement_communication.hs_communication_channel_type', 'communications.property_hs_communication_channel_type',
    ) }}
),

-- completed tasks of a type the seed maps (Sales Navigator: a profile viewed); other tasks are to-dos
task_activities as (
    select
        tasks.engagement_id,
        task_type.activity_type,
        'outbound' as direction,
        tasks.property_hubspot_owner_id as owner_id,
        tasks.property_hs_timestamp as occurred_at,
        'viewed' as outcome,
        cast(null as {{ dbt.type_int() }}) as duration_seconds,
        tasks._fivetran_deleted as is_deleted,
        cast(null as {{ dbt.type_string() }}) as unmapped_value
    from tasks
    inner join activity_values as task_type
        on task_type.hubspot_property = 'engagement_task.hs_task_type'
        and tasks.property_hs_task_type = task_type.hubspot_value
    where tasks.property_hs_task_status = 'COMPLETED'
),

-- every kind together
engagements as (
    select * from call_activities
    union all
    select * from email_activities
    union all
    select * from meeting_activities
    union all
    select * from communication_activities
    union all
    select * from task_activities
),

-- the owner as the user id the seed gives it
final as (
    select
        engagements.engagement_id,
        engagements.activity_type,
        engagements.direction,
        {{ hubspot_user_id('engagements.owner_id', 'owner_map') }} as user_id,
        engagements.occurred_at,
        engagements.outcome,
        engagements.duration_seconds,
        coalesce(engagements.is_deleted, false) as is_deleted,
        engagements.unmapped_value
    from engagements
    left join owner_map
        on engagements.owner_id = owner_map.owner_id
)

select * from final
