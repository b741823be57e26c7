with

opportunities as (
    select * from {{ ref('fct_opportunities') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- won deals by month of closed_at with their days from created to closed date
cycle_by_group as (
    select
        opportunities.closed_month as month_start,
        opportunities.owner_id,
        opportunities.segment,
        count(*) as deals_won,
        coalesce(sum(opportunities.cycle_days), 0) as total_cycle_days
    from opportunities
    inner join months
        on opportunities.closed_month = months.month_start
    where opportunities.is_won
    group by
        opportunities.closed_month,
        opportunities.owner_id,
        opportunities.segment
),

final as (
    select
        -- ids
        owner_id,

        -- strings
        segment,

        -- numerics
        deals_won,
        total_cycle_days,
        {{ safe_divide('total_cycle_days', 'deals_won') }} as avg_sales_cycle_days,

        -- dates
        month_start
    from cycle_by_group
)

select * from final
