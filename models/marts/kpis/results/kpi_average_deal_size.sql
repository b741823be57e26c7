with

opportunities as (
    select * from {{ ref('fct_opportunities') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- won deals by month of closed_at; only those with an amount count in the denominator
deal_sizes_by_group as (
    select
        opportunities.closed_month as month_start,
        opportunities.owner_id,
        opportunities.segment,
        opportunities.opportunity_type,
        count(*) as deals_won,
        cast(sum(case when opportunities.amount_reporting is not null then 1 else 0 end) as {{ dbt.type_bigint() }}) as deals_won_with_amount,
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
        deals_won_with_amount,
        revenue,
        {{ safe_divide('revenue', 'deals_won_with_amount') }} as average_deal_size,

        -- dates
        month_start
    from deal_sizes_by_group
)

select * from final
