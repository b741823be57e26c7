{#- Step 1 of kpi_scorecard: the parts of every KPI for each spine month and scope — the
    company (every KPI and month: the parts summed over people and teams; a count or an
    amount without records is 0, a point-in-time KPI without a value null), each team and
    each user (where the KPI is attributed to people and the person has records). A user's
    parts belong to the user's current team (`unknown` for a user not staged).
    kpi_sales_forecast's months ahead of the spine stay in that mart. -#}

with

parts as (
    select * from {{ ref('int_kpi_parts_unioned') }}
),

users as (
    select * from {{ ref('dim_users') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

catalog as (
    select * from {{ ref('kpi_catalog') }}
),

-- the parts of the spine months, a user's with the user's current team
spine_parts as (
    select
        parts.kpi_name,
        parts.user_id,
        case
            when parts.user_id is not null then coalesce(users.team_id, 'unknown')
            else parts.team_id
        end as team_id,
        parts.numerator,
        parts.denominator,
        parts.month_start
    from parts
    inner join months
        on parts.month_start = months.month_start
    left join users
        on parts.user_id = users.user_id
),

-- the company: every KPI and spine month, the parts summed over people and teams
company_months as (
    select
        catalog.kpi_name,
        'company' as scope_type,
        'company' as scope_id,
        case
            when catalog.aggregation = 'point_in_time' then {{ sum_decimal('spine_parts.numerator') }}
            else coalesce({{ sum_decimal('spine_parts.numerator') }}, 0)
        end as numerator,
        case
            when catalog.denominator_column is null then null
            when catalog.aggregation = 'point_in_time' then {{ sum_decimal('spine_parts.denominator') }}
            else coalesce({{ sum_decimal('spine_parts.denominator') }}, 0)
        end as denominator,
        months.month_start
    from months
    cross join catalog
    left join spine_parts
        on months.month_start = spine_parts.month_start
        and catalog.kpi_name = spine_parts.kpi_name
    group by
        catalog.kpi_name,
        catalog.aggregation,
        catalog.denominator_column,
        months.month_start
),

-- the teams, for the KPIs attributed to people
team_months as (
    select
        kpi_name,
        'team' as scope_type,
        team_id as scope_id,
        {{ sum_decimal('numerator') }} as numerator,
        {{ sum_decimal('denominator') }} as denominator,
        month_start
    from spine_parts
    where team_id is not null
    group by kpi_name, team_id, month_start
),

-- the users, for the KPIs attributed to people
user_months as (
    select
        kpi_name,
        'user' as scope_type,
        user_id as scope_id,
        numerator,
        denominator,
        month_start
    from spine_parts
    where user_id is not null
),

-- the three scopes, stacked
final as (
    select * from company_months
    union all
    select * from team_months
    union all
    select * from user_months
)

select * from final
