with

source as (
    select * from {{ source('hubspot', 'engagement_email') }}
),

-- the columns the contract needs, as the connector lands them
final as (
    select
        engagement_id,
        _fivetran_deleted,
        property_hs_timestamp,
        property_hubspot_owner_id,
        property_hs_email_direction,
        property_hs_email_status,
        property_hs_email_thread_id
    from source
)

select * from final
