with

opportunities_won as (
    select * from {{ ref('int_opportunities_won_aggregated') }}
),

-- won deals of the month, and the expansion ones (upsell, cross_sell)
expansion_by_month as (
    select
        month_start,
        cast(sum(deals_won) as {{ dbt.type_bigint() }}) as deals_won,
        cast(sum(case when is_expansion then deals_won else 0 end) as {{ dbt.type_bigint() }}) as expansion_deals_won,
        {{ sum_decimal('revenue') }} as revenue,
        coalesce({{ sum_decimal('case when is_expansion then revenue end') }}, 0) as expansion_revenue
    from opportunities_won
    group by month_start
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
