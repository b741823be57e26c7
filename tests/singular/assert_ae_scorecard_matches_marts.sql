-- ae_scorecard's KPI columns equal the marts they come from, summed over segment and
-- opportunity type for each AE and month: kpi_win_rate (cohort of the month),
-- kpi_revenue, kpi_average_deal_size and kpi_sales_cycle_length (closed in the month; the
-- board reads their shared aggregate int_opportunities_won_aggregated). The quota columns
-- are tested in the YAML (equals_column_of kpi_quota_attainment). A row returned is a
-- difference.

with

scorecard as (
    select * from {{ ref('ae_scorecard') }}
),

-- the AE's cohort of the month
win_rate as (
    select
        owner_id as user_id,
        month_start,
        sum(opportunities_created) as opportunities_created,
        sum(opportunities_won) as opportunities_won,
        {{ rate_pct('sum(opportunities_won)', 'sum(opportunities_created)') }} as win_rate,
        {{ rate_pct('sum(opportunities_won)', 'sum(opportunities_won) + sum(opportunities_lost)') }} as closed_win_rate
    from {{ ref('kpi_win_rate') }}
    group by owner_id, month_start
),

-- the AE's deals won closed in the month
revenue as (
    select
        owner_id as user_id,
        month_start,
        sum(deals_won) as deals_won,
        sum(revenue) as revenue
    from {{ ref('kpi_revenue') }}
    group by owner_id, month_start
),

average_deal_size as (
    select
        owner_id as user_id,
        month_start,
        {{ safe_divide('sum(revenue)', 'sum(deals_won_with_amount)') }} as average_deal_size
    from {{ ref('kpi_average_deal_size') }}
    group by owner_id, month_start
),

sales_cycle as (
    select
        owner_id as user_id,
        month_start,
        {{ safe_divide('sum(total_cycle_days)', 'sum(deals_won)') }} as avg_sales_cycle_days
    from {{ ref('kpi_sales_cycle_length') }}
    group by owner_id, month_start
),

joined as (
    select
        scorecard.*,
        coalesce(win_rate.opportunities_created, 0) as mart_opportunities_created,
        coalesce(win_rate.opportunities_won, 0) as mart_opportunities_won,
        win_rate.win_rate as mart_win_rate,
        win_rate.closed_win_rate as mart_closed_win_rate,
        coalesce(revenue.deals_won, 0) as mart_deals_won,
        coalesce(revenue.revenue, 0) as mart_revenue,
        average_deal_size.average_deal_size as mart_average_deal_size,
        sales_cycle.avg_sales_cycle_days as mart_avg_sales_cycle_days
    from scorecard
    left join win_rate
        on scorecard.user_id = win_rate.user_id
        and scorecard.month_start = win_rate.month_start
    left join revenue
        on scorecard.user_id = revenue.user_id
        and scorecard.month_start = revenue.month_start
    left join average_deal_size
        on scorecard.user_id = average_deal_size.user_id
        and scorecard.month_start = average_deal_size.month_start
    left join sales_cycle
        on scorecard.user_id = sales_cycle.user_id
        and scorecard.month_start = sales_cycle.month_start
)

select * from joined
where
    {%- for column in ['opportunities_created', 'opportunities_won', 'win_rate', 'closed_win_rate', 'deals_won', 'revenue', 'average_deal_size', 'avg_sales_cycle_days'] %}
    {{ 'or ' if not loop.first }}{{ values_differ(column, 'mart_' ~ column) }}
    {%- endfor %}
