with

{{ crm_typed_versions('opportunities') }},

pipeline_stages as (
    select * from {{ ref('stg_crm__pipeline_stages') }}
),

-- the first rule each row breaks, in data_quality.md order; null = staged
classified as (
    select
        versioned.*,
        case
            when versioned.record_id is null then 'missing_id'
            when versioned.has_unreadable_value then 'invalid_value'
            -- a deal needs a creation time and, to be valued, a currency
            when versioned.created_at is null then 'invalid_value'
            when versioned.amount is not null and versioned.currency_code is null then 'invalid_value'
            when versioned.version_rank > 1 then 'duplicate'
            when coalesce(versioned.is_deleted, false) then 'soft_deleted'
            -- a CRM value the source's mapping seeds do not know (never a default)
            when versioned.unmapped_value is not null then 'invalid_value'
            when {{ is_outside_set('versioned.opportunity_type', accepted_values_of('opportunity_type')) }} then 'invalid_value'
            when {{ is_outside_set('versioned.forecast_category', accepted_values_of('forecast_category')) }} then 'invalid_value'
            when pipeline_stages.stage_name is null then 'invalid_value'
            when versioned.amount < 0 then 'out_of_range'
            when versioned.probability < 0 or versioned.probability > 100 then 'out_of_range'
            when versioned.closed_at < versioned.created_at then 'inconsistent_dates'
            when pipeline_stages.is_closed and versioned.closed_at is null then 'missing_close_date'
        end as dq_reason
    from versioned
    left join pipeline_stages
        on versioned.stage_name = pipeline_stages.stage_name
),

final as (
    select * from classified
)

select * from final
