with

source as (
    select * from {{ source('hubspot', 'team') }}
),

-- the columns the contract needs, as the connector lands them
final as (
    select
        id as team_id,
        name as team_name
    from source
)

select * from final
