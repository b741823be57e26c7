with

source as (
    select * from {{ source('hubspot', 'merged_deal') }}
),

-- the columns the contract needs, as the connector lands them
final as (
    select
        deal_id,
        merged_deal_id
    from source
)

select * from final
