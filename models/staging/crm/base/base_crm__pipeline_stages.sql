{%- set columns = {
    'stage_name': 'text',
    'stage_order': 'integer',
    'default_probability': 'numeric',
    'is_closed': 'boolean',
    'is_won': 'boolean',
} -%}

with

{{ crm_versioned_source('pipeline_stages', columns, ['stage_name']) }},

-- the first rule each row breaks, in data_quality.md order; null = staged
classified as (
    select
        *,
        case
            when record_id is null then 'missing_id'
            when has_unreadable_value then 'invalid_value'
            -- a stage without its order or closed / won flags cannot place a deal
            when stage_order is null or is_closed is null or is_won is null then 'invalid_value'
            when version_rank > 1 then 'duplicate'
            when default_probability < 0 or default_probability > 100 then 'out_of_range'
        end as dq_reason
    from versioned
),

final as (
    select * from classified
)

select * from final
