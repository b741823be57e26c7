with

source as (
    select * from {{ source('hubspot', 'engagement_task') }}
),

-- the columns the contract needs, as the connector lands them
final as (
    select
        engagement_id,
        _fivetran_deleted,
        property_hs_timestamp,
        property_hubspot_owner_id,
        property_hs_task_type,
        property_hs_task_status
    from source
)

select * from final
