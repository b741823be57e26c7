with

source as (
    select * from {{ source('hubspot', 'engagement_contact') }}
),

-- the columns the contract needs, as the connector lands them
final as (
    select
        engagement_id,
        contact_id
    from source
)

select * from final
