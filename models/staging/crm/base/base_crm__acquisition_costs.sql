with

{{ crm_typed_versions('acquisition_costs') }},

-- the first rule each row breaks, in data_quality.md order; null = staged
classified as (
    select
        *,
        case
            when record_id is null then 'missing_id'
            when has_unreadable_value then 'invalid_value'
            when cost_month is null or amount is null or currency_code is null then 'invalid_value'
            when version_rank > 1 then 'duplicate'
            -- a CRM value the source's mapping seeds do not know (never a default)
            when unmapped_value is not null then 'invalid_value'
            when {{ is_outside_set('department', accepted_values_of('department')) }} then 'invalid_value'
            when amount < 0 then 'out_of_range'
        end as dq_reason
    from versioned
),

final as (
    select * from classified
)

select * from final
