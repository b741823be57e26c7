with

{{ crm_typed_versions('contacts') }},

-- the first rule each row breaks, in data_quality.md order; null = staged
classified as (
    select
        *,
        case
            when record_id is null then 'missing_id'
            when has_unreadable_value then 'invalid_value'
            when version_rank > 1 then 'duplicate'
            when coalesce(is_deleted, false) then 'soft_deleted'
            -- a CRM value the source's mapping seeds do not know (never a default)
            when unmapped_value is not null then 'invalid_value'
        end as dq_reason
    from versioned
),

final as (
    select * from classified
)

select * from final
