{#- One row per staged lead: its lifecycle timestamps, source channel and owner, and
    whether it became an opportunity (an opportunity carries its lead_id) and a customer
    (such an opportunity is won). -#}

with

leads as (
    select * from {{ ref('stg_crm__leads') }}
),

opportunities as (
    select * from {{ ref('fct_opportunities') }}
),

users as (
    select * from {{ ref('dim_users') }}
),

-- what became of each lead: any opportunity, any won opportunity (a lead counts once)
lead_outcomes as (
    select
        lead_id,
        count(*) as opportunities,
        cast(sum(case when is_won then 1 else 0 end) as {{ dbt.type_bigint() }}) as won_opportunities
    from opportunities
    where lead_id is not null
    group by lead_id
),

-- owner attributes; `unknown` when the owner is not staged
leads_enriched as (
    select
        leads.*,
        coalesce(users.team_id, 'unknown') as owner_team_id,
        coalesce(users.role, 'unknown') as owner_role,
        coalesce(lead_outcomes.opportunities, 0) as opportunities,
        coalesce(lead_outcomes.won_opportunities, 0) as won_opportunities
    from leads
    left join users
        on leads.owner_id = users.user_id
    left join lead_outcomes
        on leads.lead_id = lead_outcomes.lead_id
),

final as (
    select
        -- ids
        lead_id,
        coalesce(owner_id, 'unknown') as owner_id,
        owner_team_id,
        contact_id,
        account_id,

        -- strings
        source_channel,
        owner_role,

        -- numerics
        opportunities,
        won_opportunities,

        -- booleans
        mql_at is not null as is_mql,
        sql_at is not null as is_sql,
        disqualified_at is not null as is_disqualified,
        opportunities > 0 as has_opportunity,
        won_opportunities > 0 as has_won_opportunity,

        -- dates
        {{ month_start('created_at') }} as created_month,
        {{ month_start('mql_at') }} as mql_month,
        {{ month_start('sql_at') }} as sql_month,

        -- timestamps
        created_at,
        mql_at,
        sql_at,
        disqualified_at
    from leads_enriched
)

select * from final
