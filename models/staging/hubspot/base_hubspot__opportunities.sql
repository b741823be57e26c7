{%- set home_currency = "'" ~ var('hubspot_home_currency') ~ "'" if var('hubspot_home_currency') else 'null' -%}

with

deals as (
    select * from {{ ref('stg_hubspot__deal') }}
),

merged_deals as (
    select * from {{ ref('stg_hubspot__merged_deal') }}
),

deal_companies as (
    select * from {{ ref('stg_hubspot__deal_company') }}
),

deal_contacts as (
    select * from {{ ref('stg_hubspot__deal_contact') }}
),

contacts as (
    select * from {{ ref('stg_hubspot__contact') }}
),

deal_types as (
    select * from {{ ref('hubspot__deal_types') }}
),

owner_map as (
    select * from {{ ref('hubspot__owners') }}
),

-- each deal's company: the primary association (type 5), else the lowest company id
deal_accounts as (
    select
        deal_id,
        company_id,
        row_number() over (
            partition by deal_id
            order by case when type_id = 5 then 0 else 1 end, company_id
        ) as company_rank
    from deal_companies
),

-- each deal's lead: of its contacts, the one that became a lead first
deal_leads as (
    select
        deal_contacts.deal_id,
        contacts.contact_id,
        contacts.property_hubspot_owner_id as lead_owner_id,
        row_number() over (
            partition by deal_contacts.deal_id
            order by contacts.property_hs_lifecyclestage_lead_date, contacts.contact_id
        ) as lead_rank
    from deal_contacts
    inner join contacts
        on deal_contacts.contact_id = contacts.contact_id
    where contacts.property_hs_lifecyclestage_lead_date is not null
),

-- the contract's forecast categories from HubSpot's fixed ones; the amount in the deal's
-- currency, else HubSpot's amount in the home currency (var hubspot_home_currency)
deal_values as (
    select
        deal_id,
        case property_hs_manual_forecast_category
            when 'PIPELINE' then 'pipeline'
            when 'BEST_CASE' then 'best_case'
            when 'COMMIT' then 'commit'
            when 'OMIT' then 'omitted'
            when 'CLOSED' then 'closed'
        end as forecast_category,
        case
            when property_deal_currency_code is null then property_amount_in_home_currency
            else property_amount
        end as amount,
        coalesce(property_deal_currency_code, {{ home_currency }}) as currency_code
    from deals
),

-- one row per deal; a deal merged into another carries the id of the deal it was merged into
final as (
    select
        {{ crm_text('coalesce(merged_deals.deal_id, deals.deal_id)') }} as opportunity_id,
        {{ crm_text('deal_accounts.company_id') }} as account_id,
        {{ crm_text('deal_leads.contact_id') }} as lead_id,
        {{ crm_text(hubspot_user_id('deals.property_hubspot_owner_id', 'owner_map')) }} as owner_id,
        {{ crm_text(hubspot_user_id('deal_leads.lead_owner_id', 'sdr_map')) }} as sdr_id,
        {{ crm_text('deal_types.opportunity_type') }} as opportunity_type,
        {{ crm_text('deals.property_createdate') }} as created_at,
        {{ crm_text('cast(deals.property_closedate as date)') }} as expected_close_date,
        {{ crm_text('case when deals.property_hs_is_closed then deals.property_closedate end') }} as closed_at,
        {{ crm_text('deals.deal_pipeline_stage_id') }} as stage_name,
        {{ crm_text('deal_values.amount') }} as amount,
        {{ crm_text('deal_values.currency_code') }} as currency_code,
        {{ crm_text('deals.property_hs_forecast_probability * 100') }} as probability,
        {{ crm_text('deal_values.forecast_category') }} as forecast_category,
        {{ crm_text('deals.property_closed_lost_reason') }} as lost_reason,
        {{ crm_text('coalesce(deals.is_deleted, false) or coalesce(deals._fivetran_deleted, false)') }} as is_deleted,
        {{ crm_text('deals.property_hs_lastmodifieddate') }} as updated_at,
        coalesce(
            {{ hubspot_unmapped('deal.dealtype', 'deals.property_dealtype', 'deal_types.opportunity_type') }},
            {{ hubspot_unmapped(
                'deal.hs_manual_forecast_category', 'deals.property_hs_manual_forecast_category', 'deal_values.forecast_category',
            ) }}
        ) as unmapped_value
    from deals
    left join merged_deals
        on deals.deal_id = merged_deals.merged_deal_id
    left join deal_accounts
        on deals.deal_id = deal_accounts.deal_id
        and deal_accounts.company_rank = 1
    left join deal_leads
        on deals.deal_id = deal_leads.deal_id
        and deal_leads.lead_rank = 1
    left join deal_values
        on deals.deal_id = deal_values.deal_id
    left join deal_types
        on deals.property_dealtype = deal_types.deal_type
    left join owner_map
        on deals.property_hubspot_owner_id = owner_map.owner_id
    left join owner_map as sdr_map
        on deal_leads.lead_owner_id = sdr_map.owner_id
)

select * from final
