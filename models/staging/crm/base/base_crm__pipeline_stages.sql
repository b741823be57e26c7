with

{{ crm_typed_versions('pipeline_stages') }},

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
            -- a CRM value the source's mapping seeds do not know (never a default)
            when unmapped_value is not null then 'invalid_value'
            -- a won stage that is not closed would make its deals both won and open
            when is_won and not is_closed then 'invalid_value'
            when default_probability < 0 or default_probability > 100 then 'out_of_range'
        end as dq_reason
    from versioned
),

final as (
    select * from classified
)

select * from final
