with

opportunities as (
    select * from {{ ref('stg_salesforce__opportunity') }}
),

opportunity_history as (
    select * from {{ ref('stg_salesforce__opportunity_history') }}
),

leads as (
    select * from {{ ref('stg_salesforce__lead') }}
),

opportunity_types as (
    select * from {{ ref('salesforce__opportunity_types') }}
),

forecast_categories as (
    select * from {{ ref('salesforce__forecast_categories') }}
),

-- the lead each opportunity was converted from (converted_opportunity_id): when several
-- leads were converted into one, the first converted; its owner sourced the deal
conversions as (
    select
        converted_opportunity_id as opportunity_id,
        lead_id,
        owner_id as sdr_id,
        row_number() over (
            partition by converted_opportunity_id
            order by converted_date asc, lead_id asc, updated_at desc
        ) as conversion_rank
    from leads
    where converted_opportunity_id is not null
),

-- the latest time each opportunity entered each stage (a stage change of its history),
-- with the close date forecast just before that change
stage_entries as (
    select
        opportunity_id,
        stage_name,
        changed_at as entered_at,
        prev_close_date,
        row_number() over (
            partition by opportunity_id, stage_name
            order by changed_at desc, opportunity_history_id desc
        ) as entry_rank
    from opportunity_history
    where is_stage_change
),

-- a closed deal closed when it entered its closed stage (no such change in its history:
-- no close time); its forecast close date is the one before that change, since
-- close_date becomes the close day
dated as (
    select
        opportunities.*,
        case when opportunities.is_closed then stage_entries.entered_at end as closed_at,
        case
            when opportunities.is_closed then coalesce(stage_entries.prev_close_date, opportunities.close_date)
            else opportunities.close_date
        end as expected_close_date
    from opportunities
    left join stage_entries
        on opportunities.opportunity_id = stage_entries.opportunity_id
        and opportunities.stage_name = stage_entries.stage_name
        and stage_entries.entry_rank = 1
),

-- the contract's opportunities as text, type and forecast category from the seeds
final as (
    select
        {{ crm_text('dated.opportunity_id') }} as opportunity_id,
        {{ crm_text('dated.account_id') }} as account_id,
        {{ crm_text('conversions.lead_id') }} as lead_id,
        {{ crm_text('dated.owner_id') }} as owner_id,
        {{ crm_text('conversions.sdr_id') }} as sdr_id,
        {{ crm_text('opportunity_types.opportunity_type') }} as opportunity_type,
        {{ crm_text('dated.created_at') }} as created_at,
        {{ crm_text('dated.expected_close_date') }} as expected_close_date,
        {{ crm_text('dated.closed_at') }} as closed_at,
        {{ crm_text('dated.stage_name') }} as stage_name,
        {{ crm_text('dated.amount') }} as amount,
        {{ crm_text('dated.currency_code') }} as currency_code,
        {{ crm_text('dated.probability') }} as probability,
        {{ crm_text('forecast_categories.forecast_category') }} as forecast_category,
        {{ crm_text('dated.lost_reason') }} as lost_reason,
        {{ crm_text('dated.is_deleted') }} as is_deleted,
        {{ crm_text('dated.updated_at') }} as updated_at,
        coalesce(
            {{ crm_unmapped_value("'opportunity.type'", 'dated.opportunity_type_value', 'opportunity_types.opportunity_type') }},
            {{ crm_unmapped_value(
                "'opportunity.forecast_category'", 'dated.forecast_category_value', 'forecast_categories.forecast_category'
            ) }}
        ) as unmapped_value
    from dated
    left join conversions
        on dated.opportunity_id = conversions.opportunity_id
        and conversions.conversion_rank = 1
    {{ salesforce_mapping_join('opportunity_types', 'opportunity_types', 'dated.opportunity_type_value') }}
    {{ salesforce_mapping_join('forecast_categories', 'forecast_categories', 'dated.forecast_category_value') }}
)

select * from final
