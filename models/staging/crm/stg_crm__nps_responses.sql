with

base as (
    select * from {{ ref('base_crm__nps_responses') }}
),

-- the rows that broke no rule of data_quality.md: not deleted, not quarantined
staged as (
    select * from base
    where dq_reason is null
),

final as (
    select
        -- ids
        response_id,
        account_id,
        contact_id,

        -- numerics
        score,

        -- timestamps
        responded_at
    from staged
)

select * from final
