with

source as (
    select * from {{ source('hubspot', 'owner_team') }}
),

-- the columns the contract needs, as the connector lands them
final as (
    select
        owner_id,
        team_id,
        is_team_primary
    from source
)

select * from final
