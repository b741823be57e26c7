with

source as (
    select * from {{ source('hubspot', 'deal_pipeline_stage') }}
),

-- the columns the contract needs, as the connector lands them
final as (
    select
        stage_id,
        pipeline_id,
        display_order,
        probability,
        is_closed
    from source
)

select * from final
