with

{{ crm_typed_versions('nps_responses') }},

-- the first rule each row breaks, in data_quality.md order; null = staged
classified as (
    select
        *,
        case
            when record_id is null then 'missing_id'
            when has_unreadable_value then 'invalid_value'
            when responded_at is null or score is null then 'invalid_value'
            when version_rank > 1 then 'duplicate'
            -- a CRM value the source's mapping seeds do not know (never a default)
            when unmapped_value is not null then 'invalid_value'
            when score < 0 or score > 10 then 'out_of_range'
        end as dq_reason
    from versioned
),

final as (
    select * from classified
)

select * from final
