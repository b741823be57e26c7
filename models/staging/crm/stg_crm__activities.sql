with

base as (
    select * from {{ ref('base_crm__activities') }}
),

-- the rows that broke no rule of data_quality.md: not deleted, not quarantined
staged as (
    select * from base
    where dq_reason is null
),

final as (
    select
        -- ids
        activity_id,
        user_id,
        lead_id,
        contact_id,
        account_id,
        opportunity_id,

        -- strings
        activity_type,
        direction,
        outcome,

        -- numerics
        duration_seconds,

        -- timestamps
        occurred_at,
        staged_at
    from staged
)

select * from final
