with

source as (
    select * from {{ source('hubspot', 'engagement_deal') }}
),

-- the columns the contract needs, as the connector lands them
final as (
    select
        engagement_id,
        deal_id
    from source
)

select * from final
