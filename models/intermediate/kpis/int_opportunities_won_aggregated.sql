{#- The won deals closed in each spine month (month of closed_at), per owner, account
    segment and opportunity type. Shared by kpi_revenue, kpi_average_deal_size,
    kpi_sales_cycle_length, kpi_upsell_rate and int_quotas_joined_to_revenue, which sum its
    parts up to their own grain. -#}

with

opportunities as (
    select * from {{ ref('fct_opportunities') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- won deals of the spine months only (a null amount adds nothing to the sums)
won_by_group as (
    select
        opportunities.closed_month as month_start,
        opportunities.owner_id,
        opportunities.segment,
        opportunities.opportunity_type,
        opportunities.is_expansion,
        count(*) as deals_won,
        cast(count(opportunities.amount_reporting) as {{ dbt.type_bigint() }}) as deals_won_with_amount,
        coalesce({{ sum_decimal('opportunities.amount_reporting') }}, 0) as revenue,
        coalesce(sum(opportunities.cycle_days), 0) as total_cycle_days
    from opportunities
    inner join months
        on opportunities.closed_month = months.month_start
    where opportunities.is_won
    group by
        opportunities.closed_month,
        opportunities.owner_id,
        opportunities.segment,
        opportunities.opportunity_type,
        opportunities.is_expansion
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
        total_cycle_days,

        -- booleans
        is_expansion,

        -- dates
        month_start
    from won_by_group
)

select * from final
