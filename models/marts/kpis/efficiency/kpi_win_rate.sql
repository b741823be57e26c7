with

opportunities as (
    select * from {{ ref('fct_opportunities') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- the cohort of opportunities created in the month and what became of them
cohort_outcomes as (
    select
        opportunities.created_month as month_start,
        opportunities.owner_id,
        opportunities.segment,
        opportunities.opportunity_type,
        count(*) as opportunities_created,
        cast(sum(case when opportunities.is_won then 1 else 0 end) as {{ dbt.type_bigint() }}) as opportunities_won,
        cast(sum(case when opportunities.is_lost then 1 else 0 end) as {{ dbt.type_bigint() }}) as opportunities_lost,
        cast(sum(case when opportunities.is_open then 1 else 0 end) as {{ dbt.type_bigint() }}) as opportunities_open
    from opportunities
    inner join months
        on opportunities.created_month = months.month_start
    group by
        opportunities.created_month,
        opportunities.owner_id,
        opportunities.segment,
        opportunities.opportunity_type
),

final as (
    select
        -- ids
        owner_id,

        -- strings
        segment,
        opportunity_type,

        -- numerics
        opportunities_created,
        opportunities_won,
        opportunities_lost,
        opportunities_open,
        opportunities_won + opportunities_lost as opportunities_closed,
        {{ rate_pct('opportunities_won', 'opportunities_created') }} as win_rate,
        {{ rate_pct('opportunities_won', 'opportunities_won + opportunities_lost') }} as closed_win_rate,

        -- dates
        month_start
    from cohort_outcomes
)

select * from final
