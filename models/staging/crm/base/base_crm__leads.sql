{%- set columns = {
    'lead_id': 'text',
    'created_at': 'timestamp',
    'source_channel': 'text',
    'owner_id': 'text',
    'contact_id': 'text',
    'account_id': 'text',
    'mql_at': 'timestamp',
    'sql_at': 'timestamp',
    'disqualified_at': 'timestamp',
    'is_deleted': 'boolean',
    'updated_at': 'timestamp',
} -%}

with

{{ crm_versioned_source('leads', columns, ['lead_id'], latest_by='updated_at') }},

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
            when {{ is_outside_set('source_channel', crm_accepted_values('source_channel')) }} then 'invalid_value'
            when mql_at < created_at or sql_at < created_at then 'inconsistent_dates'
        end as dq_reason
    from versioned
),

final as (
    select * from classified
)

select * from final
