{#- The maturity of every cohort KPI's periods (doc block cohort_maturity): one row per
    cohort KPI (kpi_catalog.cohort_lag set) × period of kpi_scorecard, with the median lag
    of its cohort clock, the day its cohort matures and whether it has by the spine's
    as_of_date. kpi_alerts and the cockpit (macro dashboard_data) read it. -#}

with

catalog as (
    select * from {{ ref('kpi_catalog') }}
),

scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

opportunities as (
    select * from {{ ref('fct_opportunities') }}
),

leads as (
    select * from {{ ref('fct_leads') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- the first won deal of each lead
lead_first_wins as (
    select
        lead_id,
        min(closed_at) as first_won_at
    from opportunities
    where is_won
        and lead_id is not null
    group by lead_id
),

-- every observed lag of each cohort clock, in days
lags as (
    select
        'sales_cycle' as cohort_lag,
        cycle_days as lag_days
    from opportunities
    where is_won
    union all
    select
        'mql_to_sql' as cohort_lag,
        {{ dbt.datediff('mql_at', 'sql_at', 'day') }} as lag_days
    from leads
    where mql_at is not null
        and sql_at is not null
    union all
    select
        'lead_to_customer' as cohort_lag,
        {{ dbt.datediff('leads.created_at', 'lead_first_wins.first_won_at', 'day') }} as lag_days  -- noqa: LT05
    from leads
    inner join lead_first_wins
        on leads.lead_id = lead_first_wins.lead_id
),

-- the median lag of each clock, rounded up to whole days
median_lags as (
    select
        cohort_lag,
        cast(ceil({{ median('lag_days') }}) as {{ dbt.type_int() }}) as lag_days
    from lags
    group by cohort_lag
),

-- the day maturity is judged on: the spine's as_of_date (var as_of_date, else the latest event)
as_of as (
    select max(as_of_date) as as_of_date
    from months
),

-- the periods of each cohort KPI
cohort_periods as (
    select distinct
        scorecard.kpi_name,
        scorecard.period_grain,
        scorecard.period_start,
        scorecard.period_end,
        catalog.cohort_lag
    from scorecard
    inner join catalog
        on scorecard.kpi_name = catalog.kpi_name
    where catalog.cohort_lag is not null
        and scorecard.scope_type = 'company'
),

-- the day each period's cohort matures: its end plus the median lag (0 when none was observed)
maturing as (
    select
        cohort_periods.*,
        coalesce(median_lags.lag_days, 0) as cohort_lag_days,
        cast(
            {{ dbt.dateadd('day', 'coalesce(median_lags.lag_days, 0)', 'cohort_periods.period_end') }}
            as date
        ) as matures_on,
        as_of.as_of_date
    from cohort_periods
    left join median_lags
        on cohort_periods.cohort_lag = median_lags.cohort_lag
    cross join as_of
),

final as (
    select
        -- strings
        kpi_name,
        period_grain,
        cohort_lag,

        -- numerics
        cohort_lag_days,

        -- booleans (a cohort is mature when no event gives a day to judge on)
        coalesce(matures_on <= as_of_date, true) as is_mature,

        -- dates
        period_start,
        period_end,
        matures_on,
        as_of_date
    from maturing
)

select * from final
