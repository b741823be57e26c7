with

users as (
    select * from {{ ref('stg_crm__users') }}
),

teams as (
    select * from {{ ref('stg_crm__teams') }}
),

-- each staged user with its current team; no email (personal data stays in staging)
final as (
    select
        -- ids
        users.user_id,
        users.team_id,
        users.manager_id,

        -- strings
        users.full_name,
        users.role,
        coalesce(teams.team_name, 'unknown') as team_name,
        coalesce(teams.region, 'unknown') as team_region,

        -- dates
        users.hired_on,
        users.terminated_on
    from users
    left join teams
        on users.team_id = teams.team_id
)

select * from final
