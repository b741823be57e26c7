with

base as (
    select * from {{ ref('base_crm__acquisition_costs') }}
),

-- the rows that broke no rule of data_quality.md: not deleted, not quarantined
staged as (
    select * from base
    where dq_reason is null
),

final as (
    select
        -- ids
        cost_id,

        -- strings
        department,
        category,
        channel,
        currency_code,

        -- numerics
        amount,

        -- dates
        cost_month
    from staged
)

select * from final
