{#- Each quota of the spine (user × quota_month) with the won revenue the user owns in that
    month (deals closed in the month, 0 when none). Shared by kpi_quota_attainment and
    kpi_team_quota_attainment. -#}

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
        sum(revenue) as revenue
    from opportunities_won
    group by owner_id, month_start
),

-- the quotas of the spine months with that revenue
quotas_with_revenue as (
    select
        quotas.user_id,
        quotas.team_id,
        quotas.team_name,
        quotas.quota_amount_reporting as quota_amount,
        coalesce(won_revenue.revenue, 0) as revenue,
        quotas.quota_month
    from quotas
    inner join months
        on quotas.quota_month = months.month_start
    left join won_revenue
        on quotas.user_id = won_revenue.owner_id
        and quotas.quota_month = won_revenue.closed_month
),

final as (
    select
        -- ids
        user_id,
        team_id,

        -- strings
        team_name,

        -- numerics
        quota_amount,
        revenue,

        -- booleans
        quota_amount > 0 as has_quota_above_zero,
        quota_amount > 0 and revenue >= quota_amount as is_at_quota,

        -- dates
        quota_month
    from quotas_with_revenue
)

select * from final
