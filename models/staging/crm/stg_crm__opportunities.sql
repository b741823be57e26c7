with

base as (
    select * from {{ ref('base_crm__opportunities') }}
),

-- the rows that broke no rule of data_quality.md: not deleted, not quarantined
staged as (
    select * from base
    where dq_reason is null
),

final as (
    select
        -- ids
        opportunity_id,
        account_id,
        lead_id,
        owner_id,
        sdr_id,

        -- strings
        opportunity_type,
        stage_name,
        currency_code,
        forecast_category,
        lost_reason,

        -- numerics
        amount,
        probability,

        -- dates
        expected_close_date,

        -- timestamps
        created_at,
        closed_at,
        updated_at
    from staged
)

select * from final
