with

{{ crm_typed_versions('opportunity_stage_history') }},

pipeline_stages as (
    select * from {{ ref('stg_crm__pipeline_stages') }}
),

opportunities as (
    select * from {{ ref('stg_crm__opportunities') }}
),

-- the first rule each row breaks, in data_quality.md order; null = staged
classified as (
    select
        versioned.*,
        case
            when versioned.record_id is null then 'missing_id'
            when versioned.has_unreadable_value then 'invalid_value'
            when versioned.version_rank > 1 then 'duplicate'
            -- a CRM value the source's mapping seeds do not know (never a default)
            when versioned.unmapped_value is not null then 'invalid_value'
            when pipeline_stages.stage_name is null then 'invalid_value'
            -- history of an opportunity that is not staged (absent, deleted or quarantined)
            when opportunities.opportunity_id is null then 'orphan_history'
        end as dq_reason
    from versioned
    left join pipeline_stages
        on versioned.stage_name = pipeline_stages.stage_name
    left join opportunities
        on versioned.opportunity_id = opportunities.opportunity_id
),

final as (
    select * from classified
)

select * from final
