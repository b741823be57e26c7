{%- set columns = {
    'account_id': 'text',
    'account_name': 'text',
    'industry': 'text',
    'segment': 'text',
    'country_code': 'text',
    'employee_count': 'integer',
    'owner_id': 'text',
    'created_at': 'timestamp',
    'is_deleted': 'boolean',
    'updated_at': 'timestamp',
} -%}

with

{{ crm_versioned_source('accounts', columns, ['account_id'], latest_by='updated_at') }},

-- the first rule each row breaks, in data_quality.md order; null = staged
classified as (
    select
        *,
        case
            when record_id is null then 'missing_id'
            when has_unreadable_value then 'invalid_value'
            when version_rank > 1 then 'duplicate'
            when coalesce(is_deleted, false) then 'soft_deleted'
            when {{ is_outside_set('segment', crm_accepted_values('segment')) }} then 'invalid_value'
        end as dq_reason
    from versioned
),

final as (
    select * from classified
)

select * from final
