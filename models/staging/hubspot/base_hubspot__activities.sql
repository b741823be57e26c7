with

engagements as (
    select * from {{ ref('base_hubspot__engagements') }}
),

engagement_contacts as (
    select * from {{ ref('stg_hubspot__engagement_contact') }}
),

engagement_companies as (
    select * from {{ ref('stg_hubspot__engagement_company') }}
),

engagement_deals as (
    select * from {{ ref('stg_hubspot__engagement_deal') }}
),

contacts as (
    select * from {{ ref('stg_hubspot__contact') }}
),

-- each engagement's contacts: its lead (a contact with a lead date) and its other contact
contact_links as (
    select
        engagement_contacts.engagement_id,
        min(case when contacts.property_hs_lifecyclestage_lead_date is not null then engagement_contacts.contact_id end) as lead_id,
        min(case when contacts.property_hs_lifecyclestage_lead_date is null then engagement_contacts.contact_id end) as contact_id
    from engagement_contacts
    left join contacts
        on engagement_contacts.contact_id = contacts.contact_id
    group by engagement_contacts.engagement_id
),

-- each engagement's company (the lowest id)
company_links as (
    select
        engagement_id,
        min(company_id) as account_id
    from engagement_companies
    group by engagement_id
),

-- each engagement's deal (the lowest id)
deal_links as (
    select
        engagement_id,
        min(deal_id) as opportunity_id
    from engagement_deals
    group by engagement_id
),

-- one row per activity with its associations, every contract column as text
final as (
    select
        {{ crm_text('engagements.engagement_id') }} as activity_id,
        {{ crm_text('engagements.activity_type') }} as activity_type,
        {{ crm_text('engagements.direction') }} as direction,
        {{ crm_text('engagements.user_id') }} as user_id,
        {{ crm_text('engagements.occurred_at') }} as occurred_at,
        {{ crm_text('contact_links.lead_id') }} as lead_id,
        {{ crm_text('contact_links.contact_id') }} as contact_id,
        {{ crm_text('company_links.account_id') }} as account_id,
        {{ crm_text('deal_links.opportunity_id') }} as opportunity_id,
        {{ crm_text('engagements.outcome') }} as outcome,
        {{ crm_text('engagements.duration_seconds') }} as duration_seconds,
        {{ crm_text('engagements.is_deleted') }} as is_deleted,
        engagements.unmapped_value
    from engagements
    left join contact_links
        on engagements.engagement_id = contact_links.engagement_id
    left join company_links
        on engagements.engagement_id = company_links.engagement_id
    left join deal_links
        on engagements.engagement_id = deal_links.engagement_id
)

select * from final
