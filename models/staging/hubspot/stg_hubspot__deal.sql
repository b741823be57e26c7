with

source as (
    select * from {{ source('hubspot', 'deal') }}
),

-- the columns the contract needs, as the connector lands them
final as (
    select
        deal_id,
        deal_pipeline_stage_id,
        is_deleted,
        _fivetran_deleted,
        property_dealtype,
        property_amount,
        property_amount_in_home_currency,
        property_deal_currency_code,
        property_closedate,
        property_createdate,
        property_hs_lastmodifieddate,
        property_hs_is_closed,
        property_hs_forecast_probability,
        property_hs_manual_forecast_category,
        property_closed_lost_reason,
        property_hubspot_owner_id
    from source
)

select * from final
