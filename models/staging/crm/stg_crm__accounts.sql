with

base as (
    select * from {{ ref('base_crm__accounts') }}
),

-- the rows that broke no rule of data_quality.md: not deleted, not quarantined
staged as (
    select * from base
    where dq_reason is null
),

final as (
    select
        -- ids
        account_id,
        owner_id,

        -- strings
        account_name,
        industry,
        segment,
        country_code,

        -- numerics
        employee_count,

        -- timestamps
        created_at,
        updated_at
    from staged
)

select * from final
