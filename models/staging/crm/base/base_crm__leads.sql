with

{{ crm_typed_versions('leads') }},

-- the first rule each row breaks, in data_quality.md order; null = staged
classified as (
    select
        *,
        case
            when record_id is null then 'missing_id'
            when has_unreadable_value then 'invalid_value'
            -- a lead without its creation time cannot join any cohort
            when created_at is null then 'invalid_value'
            when version_rank > 1 then 'duplicate'
            when coalesce(is_deleted, false) then 'soft_deleted'
            -- a CRM value the source's mapping seeds do not know (never a default)
            when unmapped_value is not null then 'invalid_value'
            when {{ is_outside_set('source_channel', accepted_values_of('source_channel')) }} then 'invalid_value'
            when mql_at < created_at or sql_at < created_at then 'inconsistent_dates'
        end as dq_reason
    from versioned
),

final as (
    select * from classified
)

select * from final
