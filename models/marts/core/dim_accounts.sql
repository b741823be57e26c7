with

accounts as (
    select * from {{ ref('stg_crm__accounts') }}
),

-- each staged account with its segment
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
        created_at
    from accounts
)

select * from final
