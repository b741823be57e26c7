{#- The query of the maturity of every cohort KPI's periods (doc block cohort_maturity):
    one row per cohort KPI (kpi_catalog.cohort_lag set) × period of kpi_scorecard, with the
    median lag of its cohort clock, the day its cohort matures and whether it has by
    as_of_date. A whole query: kpi_alerts reads it as a CTE, and the dashboard's
    run-operation (macro dashboard_data) runs it as it is, so the rule is written once. -#}
{% macro cohort_maturity() -%}
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
        {{ dbt.datediff('leads.created_at', 'lead_first_wins.first_won_at', 'day') }} as lag_days
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

-- every event time of the cohort facts
event_times as (
    select created_at as event_at from opportunities
    union all
    select closed_at as event_at from opportunities
    union all
    select created_at as event_at from leads
    union all
    select mql_at as event_at from leads
    union all
    select sql_at as event_at from leads
),

-- the day maturity is judged on: var as_of_date, else the latest event of the cohort facts
as_of as (
    {%- if var('as_of_date') %}
    select cast('{{ var('as_of_date') }}' as date) as as_of_date
    {%- else %}
    select cast(max(event_at) as date) as as_of_date
    from event_times
    {%- endif %}
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
{%- endmacro %}
