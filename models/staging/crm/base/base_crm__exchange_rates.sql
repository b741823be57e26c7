{%- set columns = {
    'rate_month': 'date',
    'from_currency': 'text',
    'to_currency': 'text',
    'rate': 'numeric',
} -%}

with

{{ crm_versioned_source('exchange_rates', columns, ['rate_month', 'from_currency', 'to_currency']) }},

-- the first rule each row breaks, in data_quality.md order; null = staged
classified as (
    select
        *,
        case
            when record_id is null then 'missing_id'
            when has_unreadable_value then 'invalid_value'
            when rate is null then 'invalid_value'
            when version_rank > 1 then 'duplicate'
            when rate <= 0 then 'out_of_range'
        end as dq_reason
    from versioned
),

final as (
    select * from classified
)

select * from final
