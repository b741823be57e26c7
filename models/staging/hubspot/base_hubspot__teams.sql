with

teams as (
    select * from {{ ref('stg_hubspot__team') }}
),

team_map as (
    select * from {{ ref('hubspot__teams') }}
),

-- each HubSpot team with the id and the region the seed gives it (HubSpot has no region)
final as (
    select
        {{ crm_text('coalesce(team_map.crm_team_id, cast(teams.team_id as ' ~ dbt.type_string() ~ '))') }} as team_id,
        {{ crm_text('teams.team_name') }} as team_name,
        {{ crm_text('team_map.region') }} as region,
        cast(null as {{ dbt.type_string() }}) as unmapped_value
    from teams
    left join team_map
        on teams.team_id = team_map.team_id
)

select * from final
