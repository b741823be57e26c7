{#- The parts of every KPI of the catalogue, month by month, at the finest scope the KPI
    is attributed to: a user (with the user's current team) for the KPIs attributed to
    people, a team for pct_reps_at_quota, the company (user_id and team_id null) for the
    others. The mart columns each KPI is made of are written once, in the macro
    kpi_parts_from_marts. Spine months only: kpi_sales_forecast's months ahead are left
    to that mart. -#}

with

months as (
    select * from {{ ref('dim_months') }}
),

users as (
    select * from {{ ref('dim_users') }}
),

-- each KPI's parts summed from its mart, per person where the KPI belongs to people
mart_parts as (
    {{ kpi_parts_from_marts(by_person=true) }}
),

-- a user's parts go to the user's current team too (`unknown` for a user not staged)
final as (
    select
        -- strings
        mart_parts.kpi_name,
        mart_parts.user_id,
        case
            when mart_parts.user_id is not null then coalesce(users.team_id, 'unknown')
            else mart_parts.team_id
        end as team_id,
        mart_parts.numerator_column,
        mart_parts.denominator_column,

        -- numerics
        mart_parts.numerator,
        mart_parts.denominator,

        -- dates
        mart_parts.month_start
    from mart_parts
    inner join months
        on mart_parts.month_start = months.month_start
    left join users
        on mart_parts.user_id = users.user_id
)

select * from final
