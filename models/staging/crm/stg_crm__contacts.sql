with

base as (
    select * from {{ ref('base_crm__contacts') }}
),

-- the rows that broke no rule of data_quality.md: not deleted, not quarantined
staged as (
    select * from base
    where dq_reason is null
),

final as (
    select
        -- ids
        contact_id,
        account_id,

        -- strings
        first_name,
        last_name,
        email,
        phone,
        job_title,

        -- timestamps
        created_at,
        updated_at
    from staged
)

select * from final
