with

source as (
    select * from {{ source('hubspot', 'deal_contact') }}
),

-- the columns the contract needs, as the connector lands them
final as (
    select
        deal_id,
        contact_id,
        type_id
    from source
)

select * from final
