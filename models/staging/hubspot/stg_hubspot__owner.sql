with

source as (
    select * from {{ source('hubspot', 'owner') }}
),

-- the columns the contract needs, as the connector lands them
final as (
    select
        owner_id,
        first_name,
        last_name,
        email,
        is_active,
        updated_at
    from source
)

select * from final
