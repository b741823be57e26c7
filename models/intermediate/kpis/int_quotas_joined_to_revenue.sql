{#- Each quota of the spine (user × quota_month) with the won revenue the user owns in that
    month (deals closed in the month, 0 when none). kpi_quota_attainment applies the quota
    rules to it. -#}

with

quotas as (
    select * from {{ ref('fct_quotas') }}
),

opportunities_won as (
    select * from {{ ref('int_opportunities_won_aggregated') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- won revenue per owner and spine month of closed_at, over segments and opportunity types
won_revenue as (
    select
        owner_id,
        month_start as closed_month,
        {{ sum_decimal('revenue') }} as revenue
    from opportunities_won
    group by owner_id, month_start
),

-- the quotas of the spine months with that revenue
final as (
    select
        -- ids
        quotas.user_id,
        quotas.team_id,

        -- strings
        quotas.team_name,

        -- numerics
        quotas.quota_amount_reporting as quota_amount,
        coalesce(won_revenue.revenue, 0) as revenue,

        -- dates
        quotas.quota_month
    from quotas
    inner join months
        on quotas.quota_month = months.month_start
    left join won_revenue
        on quotas.user_id = won_revenue.owner_id
        and quotas.quota_month = won_revenue.closed_month
)

select * from final
