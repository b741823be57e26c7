with

contacts as (
    select * from {{ ref('stg_hubspot__contact') }}
),

property_history as (
    select * from {{ ref('stg_hubspot__contact_property_history') }}
),

lead_stages as (
    select * from {{ ref('hubspot__lead_stages') }}
),

analytics_sources as (
    select * from {{ ref('hubspot__analytics_sources') }}
),

owner_map as (
    select * from {{ ref('hubspot__owners') }}
),

-- when each contact first reached each milestone the seed marks (lead, mql, sql, disqualified)
milestones as (
    select
        property_history.contact_id,
        min(case when lead_stages.milestone = 'lead' then property_history.changed_at end) as lead_at,
        min(case when lead_stages.milestone = 'mql' then property_history.changed_at end) as mql_at,
        min(case when lead_stages.milestone = 'sql' then property_history.changed_at end) as sql_at,
        min(case when lead_stages.milestone = 'disqualified' then property_history.changed_at end) as disqualified_at
    from property_history
    inner join lead_stages
        on property_history.property_name = lead_stages.property_name
        and property_history.property_value = lead_stages.property_value
    group by property_history.contact_id
),

-- the lifecycle stages the seed marks
lead_lifecycle_stages as (
    select distinct property_value as lifecycle_stage
    from lead_stages
    where property_name = 'lifecyclestage'
),

-- the contacts that are leads: a lead date, a lead status, a milestone, or a lifecycle stage the seed marks
leads as (
    select contacts.*
    from contacts
    left join milestones
        on contacts.contact_id = milestones.contact_id
    left join lead_lifecycle_stages
        on contacts.property_lifecyclestage = lead_lifecycle_stages.lifecycle_stage
    where contacts.property_hs_lifecyclestage_lead_date is not null
        or contacts.property_hs_lead_status is not null
        or milestones.contact_id is not null
        or lead_lifecycle_stages.lifecycle_stage is not null
),

-- one row per lead: the contact itself, its source channel (the seed's row for its analytics
-- source and drill-down, else for the source alone) and its milestones
final as (
    select
        {{ crm_text('leads.contact_id') }} as lead_id,
        {{ crm_text('leads.property_createdate') }} as created_at,
        {{ crm_text('coalesce(source_detail.source_channel, source_only.source_channel)') }} as source_channel,
        {{ crm_text(hubspot_user_id('leads.property_hubspot_owner_id', 'owner_map')) }} as owner_id,
        {{ crm_text('leads.contact_id') }} as contact_id,
        {{ crm_text('leads.property_associatedcompanyid') }} as account_id,
        {{ crm_text('milestones.mql_at') }} as mql_at,
        {{ crm_text('milestones.sql_at') }} as sql_at,
        {{ crm_text('milestones.disqualified_at') }} as disqualified_at,
        {{ crm_text('coalesce(leads._fivetran_deleted, false)') }} as is_deleted,
        {{ crm_text('leads.property_lastmodifieddate') }} as updated_at,
        {{ hubspot_unmapped(
            'contact.hs_analytics_source',
            dbt.concat(['leads.property_hs_analytics_source', "' / '", "coalesce(leads.property_hs_analytics_source_data_1, '')"]),
            'coalesce(source_detail.source_channel, source_only.source_channel)',
        ) }} as unmapped_value
    from leads
    left join milestones
        on leads.contact_id = milestones.contact_id
    left join analytics_sources as source_detail
        on leads.property_hs_analytics_source = source_detail.analytics_source
        and leads.property_hs_analytics_source_data_1 = source_detail.source_data_1
    left join analytics_sources as source_only
        on leads.property_hs_analytics_source = source_only.analytics_source
        and source_only.source_data_1 is null
    left join owner_map
        on leads.property_hubspot_owner_id = owner_map.owner_id
)

select * from final
