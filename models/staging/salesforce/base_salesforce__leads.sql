with

leads as (
    select * from {{ ref('stg_salesforce__lead') }}
),

lead_history as (
    select * from {{ ref('stg_salesforce__lead_history') }}
),

lead_sources as (
    select * from {{ ref('salesforce__lead_sources') }}
),

lead_statuses as (
    select * from {{ ref('salesforce__lead_statuses') }}
),

-- the changes of each lead's status that field history tracking recorded, in time order
status_changes as (
    select
        lead_id,
        old_value,
        new_value,
        changed_at,
        row_number() over (partition by lead_id order by changed_at, lead_history_id) as change_number
    from lead_history
    where field_name = 'Status'
),

-- every status each lead held and since when: the one it was created with (the first
-- change's old value, else its current status) from its creation, then each new value
status_timeline as (
    select
        leads.lead_id,
        coalesce(first_changes.old_value, leads.status) as status,
        leads.created_at as entered_at
    from leads
    left join status_changes as first_changes
        on leads.lead_id = first_changes.lead_id
        and first_changes.change_number = 1
    union all
    select
        lead_id,
        new_value as status,
        changed_at as entered_at
    from status_changes
),

-- the first time each lead entered a status the seed marks as a milestone, and a status
-- the seed does not know (the first in text order)
milestones as (
    select
        status_timeline.lead_id,
        min(case when lead_statuses.milestone = 'mql' then status_timeline.entered_at end) as mql_at,
        min(case when lead_statuses.milestone = 'sql' then status_timeline.entered_at end) as sql_at,
        min(case when lead_statuses.milestone = 'disqualified' then status_timeline.entered_at end) as disqualified_at,
        min(case when lead_statuses.milestone is null then status_timeline.status end) as unmapped_status
    from status_timeline
    {{ salesforce_mapping_join('lead_statuses', 'lead_statuses', 'status_timeline.status') }}
    group by status_timeline.lead_id
),

-- the contract's leads as text: the source channel from the seed; the contact and the
-- account of a lead are known once it is converted
final as (
    select
        {{ crm_text('leads.lead_id') }} as lead_id,
        {{ crm_text('leads.created_at') }} as created_at,
        {{ crm_text('lead_sources.source_channel') }} as source_channel,
        {{ crm_text('leads.owner_id') }} as owner_id,
        {{ crm_text('leads.converted_contact_id') }} as contact_id,
        {{ crm_text('leads.converted_account_id') }} as account_id,
        {{ crm_text('milestones.mql_at') }} as mql_at,
        {{ crm_text('milestones.sql_at') }} as sql_at,
        {{ crm_text('milestones.disqualified_at') }} as disqualified_at,
        {{ crm_text('leads.is_deleted') }} as is_deleted,
        {{ crm_text('leads.updated_at') }} as updated_at,
        coalesce(
            {{ crm_unmapped_value("'lead.lead_source'", 'leads.lead_source', 'lead_sources.source_channel') }},
            {{ crm_unmapped_value("'lead.status'", 'milestones.unmapped_status') }}
        ) as unmapped_value
    from leads
    {{ salesforce_mapping_join('lead_sources', 'lead_sources', 'leads.lead_source') }}
    left join milestones
        on leads.lead_id = milestones.lead_id
)

select * from final
