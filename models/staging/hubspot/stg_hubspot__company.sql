with

source as (
    select * from {{ source('hubspot', 'company') }}
),

-- the columns the contract needs, as the connector lands them
final as (
    select
        id as company_id,
        is_deleted,
        _fivetran_deleted,
        property_name,
        property_industry,
        property_segment,
        property_country,
        property_numberofemployees,
        property_hubspot_owner_id,
        property_createdate,
        property_hs_lastmodifieddate,
        property_hs_merged_object_ids
    from source
)

select * from final
