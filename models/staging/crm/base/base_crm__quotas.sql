{%- set columns = {
    'user_id': 'text',
    'quota_month': 'date',
    'quota_amount': 'numeric',
    'currency_code': 'text',
} -%}

with

{{ crm_versioned_source('quotas', columns, ['user_id', 'quota_month']) }},

-- the first rule each row breaks, in data_quality.md order; null = staged
classified as (
    select
        *,
        case
            when record_id is null then 'missing_id'
            when has_unreadable_value then 'invalid_value'
            when quota_amount is null or currency_code is null then 'invalid_value'
            when version_rank > 1 then 'duplicate'
            when quota_amount < 0 then 'out_of_range'
        end as dq_reason
    from versioned
),

final as (
    select * from classified
)

select * from final
