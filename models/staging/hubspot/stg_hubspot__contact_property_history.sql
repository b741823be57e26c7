with

source as (
    select * from {{ source('hubspot', 'contact_property_history') }}
),

-- the columns the contract needs, as the connector lands them
final as (
    select
        contact_id,
        name as property_name,
        value as property_value,
        timestamp as changed_at
    from source
)

select * from final
