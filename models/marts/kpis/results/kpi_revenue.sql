with

opportunities as (
    select * from {{ ref('fct_opportunities') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- won deals by month of closed_at (a null amount adds nothing)
revenue_by_group as (
    select
        opportunities.closed_month as month_start,
        opportunities.owner_id,
        opportunities.segment,
        opportunities.opportunity_type,
        count(*) as deals_won,
        coalesce(sum(opportunities.amount_reporting), 0) as revenue
    from opportunities
    inner join months
        on opportunities.closed_month = months.month_start
    where opportunities.is_won
    group by
        opportunities.closed_month,
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
        deals_won,
        revenue,

        -- dates
        month_start
    from revenue_by_group
)

select * from final
