with

source as (
    select * from {{ source('hubspot', 'deal_pipeline') }}
),

-- the columns the contract needs, as the connector lands them
final as (
    select
        pipeline_id,
        display_order as pipeline_order
    from source
)

select * from final
