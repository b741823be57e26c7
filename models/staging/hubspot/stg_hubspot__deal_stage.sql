with

source as (
    select * from {{ source('hubspot', 'deal_stage') }}
),

-- the columns the contract needs, as the connector lands them
final as (
    select
        deal_id,
        value as stage_id,
        date_entered
    from source
)

select * from final
