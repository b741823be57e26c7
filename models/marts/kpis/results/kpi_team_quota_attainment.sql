with

quota_attainment as (
    select * from {{ ref('kpi_quota_attainment') }}
),

-- over the team's reps with a quota to attain (current team_id; `unknown` for unknown users)
team_months as (
    select
        team_id,
        month_start,
        count(*) as reps_with_quota,
        cast(sum(case when is_at_quota then 1 else 0 end) as {{ dbt.type_bigint() }}) as reps_at_quota,
        {{ sum_decimal('attainment_quota') }} as team_quota,
        {{ sum_decimal('attainment_revenue') }} as team_revenue
    from quota_attainment
    where has_quota
    group by team_id, month_start
),

-- the team shares of the formula
team_rates as (
    select
        team_months.*,
        {{ rate_pct('reps_at_quota', 'reps_with_quota') }} as pct_reps_at_quota,
        {{ rate_pct('team_revenue', 'team_quota') }} as team_attainment
    from team_months
),

final as (
    select
        -- ids
        team_id,

        -- numerics
        reps_at_quota,
        reps_with_quota,
        pct_reps_at_quota,
        team_revenue,
        team_quota,
        team_attainment,

        -- booleans
        {{ quota_alert('pct_reps_at_quota') }} as quota_alert,

        -- dates
        month_start
    from team_rates
)

select * from final
