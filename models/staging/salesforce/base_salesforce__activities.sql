{%- set outcome_field = var('salesforce_activity_outcome_field') or 'outcome' -%}

with

tasks as (
    select * from {{ ref('stg_salesforce__task') }}
),

events as (
    select * from {{ ref('stg_salesforce__event') }}
),

leads as (
    select * from {{ ref('stg_salesforce__lead') }}
),

opportunities as (
    select * from {{ ref('stg_salesforce__opportunity') }}
),

activity_values as (
    select * from {{ ref('salesforce__activity_values') }}
),

-- tasks and events in one shape, each with the field that tells its kind (its Type, else
-- its subtype) and the fields of its result. An open task is a to-do, not an activity
activity_records as (
    select
        task_id as activity_id,
        owner_id,
        who_id,
        what_id,
        account_id,
        case when task_type is not null then 'task.type' else 'task.task_subtype' end as kind_field,
        coalesce(task_type, task_subtype) as kind_value,
        call_type,
        call_disposition,
        'task.{{ outcome_field }}' as outcome_field,
        outcome_value,
        call_duration_in_seconds as duration_seconds,
        occurred_at,
        is_deleted
    from tasks
    where is_closed
    union all
    select
        event_id as activity_id,
        owner_id,
        who_id,
        what_id,
        account_id,
        case when event_type is not null then 'event.type' else 'event.event_subtype' end as kind_field,
        coalesce(event_type, event_subtype) as kind_value,
        cast(null as {{ dbt.type_string() }}) as call_type,
        cast(null as {{ dbt.type_string() }}) as call_disposition,
        'event.{{ outcome_field }}' as outcome_field,
        outcome_value,
        {{ dbt.datediff('started_at', 'ended_at', 'second') }} as duration_seconds,
        started_at as occurred_at,
        is_deleted
    from events
),

-- who_id is a lead or a contact; what_id an opportunity or another record (an account)
lead_ids as (
    select distinct lead_id from leads
),

opportunity_ids as (
    select distinct opportunity_id from opportunities
),

-- the contract's activity_type, direction and outcome from the seed rows of each value: a
-- call's direction is its call type, its outcome its disposition; other activities take
-- their direction from their kind and their outcome from the outcome field
mapped as (
    select
        activity_records.*,
        kinds.activity_type,
        coalesce(kinds.direction, call_types.direction) as direction,
        case
            when activity_records.call_disposition is not null then dispositions.outcome
            else outcomes.outcome
        end as outcome,
        coalesce(
            {{ crm_unmapped_value('activity_records.kind_field', 'activity_records.kind_value', 'kinds.salesforce_value') }},
            {{ crm_unmapped_value("'task.call_type'", 'activity_records.call_type', 'call_types.salesforce_value') }},
            {{ crm_unmapped_value("'task.call_disposition'", 'activity_records.call_disposition', 'dispositions.salesforce_value') }},
            {{ crm_unmapped_value('activity_records.outcome_field', 'activity_records.outcome_value', 'outcomes.salesforce_value') }}
        ) as unmapped_value
    from activity_records
    {{ salesforce_mapping_join('activity_values', 'kinds', 'activity_records.kind_value', 'activity_records.kind_field') }}
    {{ salesforce_mapping_join('activity_values', 'call_types', 'activity_records.call_type', "'task.call_type'") }}
    {{ salesforce_mapping_join('activity_values', 'dispositions', 'activity_records.call_disposition', "'task.call_disposition'") }}
    {{ salesforce_mapping_join('activity_values', 'outcomes', 'activity_records.outcome_value', 'activity_records.outcome_field') }}
),

-- the contract's activities as text, without the kinds the seed says are no activity
final as (
    select
        {{ crm_text('mapped.activity_id') }} as activity_id,
        {{ crm_text('mapped.activity_type') }} as activity_type,
        {{ crm_text('mapped.direction') }} as direction,
        {{ crm_text('mapped.owner_id') }} as user_id,
        {{ crm_text('mapped.occurred_at') }} as occurred_at,
        {{ crm_text('lead_ids.lead_id') }} as lead_id,
        {{ crm_text('case when lead_ids.lead_id is null then mapped.who_id end') }} as contact_id,
        {{ crm_text('mapped.account_id') }} as account_id,
        {{ crm_text('opportunity_ids.opportunity_id') }} as opportunity_id,
        {{ crm_text('mapped.outcome') }} as outcome,
        {{ crm_text('mapped.duration_seconds') }} as duration_seconds,
        {{ crm_text('mapped.is_deleted') }} as is_deleted,
        mapped.unmapped_value
    from mapped
    left join lead_ids
        on mapped.who_id = lead_ids.lead_id
    left join opportunity_ids
        on mapped.what_id = opportunity_ids.opportunity_id
    where mapped.activity_type is null
        or mapped.activity_type <> 'not_an_activity'
)

select * from final
