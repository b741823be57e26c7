with

opportunities as (
    select * from {{ ref('fct_opportunities') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- won deals by month of closed_at, and the expansion ones (upsell, cross_sell)
expansion_by_month as (
    select
        opportunities.closed_month as month_start,
        count(*) as deals_won,
        cast(
            sum(case when opportunities.opportunity_type in ('upsell', 'cross_sell') then 1 else 0 end)
            as {{ dbt.type_bigint() }}
        ) as expansion_deals_won,
        coalesce(sum(opportunities.amount_reporting), 0) as revenue,
        coalesce(
            sum(
                case
                    when opportunities.opportunity_type in ('upsell', 'cross_sell')
                        then opportunities.amount_reporting
                end
            ),
            0
        ) as expansion_revenue
    from opportunities
    inner join months
        on opportunities.closed_month = months.month_start
    where opportunities.is_won
    group by opportunities.closed_month
),

final as (
    select
        -- numerics
        expansion_deals_won,
        deals_won,
        {{ rate_pct('expansion_deals_won', 'deals_won') }} as upsell_rate,
        expansion_revenue,
        revenue,
        {{ rate_pct('expansion_revenue', 'revenue') }} as expansion_revenue_share,

        -- dates
        month_start
    from expansion_by_month
)

select * from final
