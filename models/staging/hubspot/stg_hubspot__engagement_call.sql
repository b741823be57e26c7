with

source as (
    select * from {{ source('hubspot', 'engagement_call') }}
),

-- the columns the contract needs, as the connector lands them
final as (
    select
        engagement_id,
        _fivetran_deleted,
        property_hs_timestamp,
        property_hubspot_owner_id,
        property_hs_call_direction,
        property_hs_call_disposition,
        property_hs_call_duration
    from source
)

select * from final
