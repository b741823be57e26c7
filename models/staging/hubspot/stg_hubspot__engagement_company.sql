with

source as (
    select * from {{ source('hubspot', 'engagement_company') }}
),

-- the columns the contract needs, as the connector lands them
final as (
    select
        engagement_id,
        company_id
    from source
)

select * from final
