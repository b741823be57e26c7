with

base as (
    select * from {{ ref('base_crm__subscriptions') }}
),

-- the rows that broke no rule of data_quality.md: not deleted, not quarantined
staged as (
    select * from base
    where dq_reason is null
),

final as (
    select
        -- ids
        subscription_id,
        account_id,
        opportunity_id,

        -- strings
        product_name,
        currency_code,

        -- numerics
        mrr_amount,

        -- dates
        started_on,
        ended_on,

        -- timestamps
        updated_at
    from staged
)

select * from final
