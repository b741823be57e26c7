with

owners as (
    select * from {{ ref('stg_hubspot__owner') }}
),

owner_teams as (
    select * from {{ ref('stg_hubspot__owner_team') }}
),

owner_map as (
    select * from {{ ref('hubspot__owners') }}
),

team_map as (
    select * from {{ ref('hubspot__teams') }}
),

-- each owner's primary team (the lowest team id when none is marked primary)
primary_teams as (
    select
        owner_id,
        team_id,
        row_number() over (
            partition by owner_id
            order by case when is_team_primary then 0 else 1 end, team_id
        ) as team_rank
    from owner_teams
),

-- one row per HubSpot owner: its user id and role from the seed, its team; HubSpot holds
-- no manager, hire or termination date
final as (
    select
        {{ crm_text(hubspot_user_id('owners.owner_id', 'owner_map')) }} as user_id,
        {{ crm_text(dbt.concat(['owners.first_name', "' '", 'owners.last_name'])) }} as full_name,
        {{ crm_text('owners.email') }} as email,
        {{ crm_text('owner_map.role') }} as role,  -- noqa: RF04
        {{ crm_text('coalesce(team_map.crm_team_id, cast(primary_teams.team_id as ' ~ dbt.type_string() ~ '))') }} as team_id,
        cast(null as {{ dbt.type_string() }}) as manager_id,
        cast(null as {{ dbt.type_string() }}) as hired_on,
        cast(null as {{ dbt.type_string() }}) as terminated_on,
        'false' as is_deleted,
        {{ crm_text('owners.updated_at') }} as updated_at,
        {{ hubspot_unmapped('owner.owner_id', 'owners.owner_id', 'owner_map.owner_id') }} as unmapped_value
    from owners
    left join owner_map
        on owners.owner_id = owner_map.owner_id
    left join primary_teams
        on owners.owner_id = primary_teams.owner_id
        and primary_teams.team_rank = 1
    left join team_map
        on primary_teams.team_id = team_map.team_id
)

select * from final
