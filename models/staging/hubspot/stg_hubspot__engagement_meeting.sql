with

source as (
    select * from {{ source('hubspot', 'engagement_meeting') }}
),

-- the columns the contract needs, as the connector lands them
final as (
    select
        engagement_id,
        _fivetran_deleted,
        property_hs_timestamp,
        property_hubspot_owner_id,
        property_hs_activity_type,
        property_hs_meeting_outcome,
        property_hs_meeting_start_time,
        property_hs_meeting_end_time
    from source
)

select * from final
