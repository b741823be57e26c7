with

base as (
    select * from {{ ref('base_crm__users') }}
),

-- the rows that broke no rule of data_quality.md: not deleted, not quarantined
staged as (
    select * from base
    where dq_reason is null
),

final as (
    select
        -- ids
        user_id,
        team_id,
        manager_id,

        -- strings
        full_name,
        email,
        role,

        -- dates
        hired_on,
        terminated_on,

        -- timestamps
        updated_at
    from staged
)

select * from final
