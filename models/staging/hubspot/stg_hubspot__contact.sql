with

source as (
    select * from {{ source('hubspot', 'contact') }}
),

-- the columns the contract needs, as the connector lands them
final as (
    select
        id as contact_id,
        _fivetran_deleted,
        property_firstname,
        property_lastname,
        property_email,
        property_phone,
        property_jobtitle,
        property_associatedcompanyid,
        property_hubspot_owner_id,
        property_createdate,
        property_lastmodifieddate,
        property_lifecyclestage,
        property_hs_lifecyclestage_lead_date,
        property_hs_lead_status,
        property_hs_analytics_source,
        property_hs_analytics_source_data_1
    from source
)

select * from final
