with

opportunities_won as (
    select * from {{ ref('int_opportunities_won_aggregated') }}
),

-- the won deals of the month summed over the opportunity types, per owner and segment
cycle_by_group as (
    select
        month_start,
        owner_id,
        segment,
        cast(sum(deals_won) as {{ dbt.type_bigint() }}) as deals_won,
        sum(total_cycle_days) as total_cycle_days
    from opportunities_won
    group by month_start, owner_id, segment
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
