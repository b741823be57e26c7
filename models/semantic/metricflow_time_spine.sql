{#- MetricFlow's day time spine: one row per day from the first day of the month spine
    (dim_months) to the last day of the as_of month, widened to the months of the
    expected_close_date of every deal (kpi_sales_forecast places open deals there, ahead
    of or before the spine). Portable: dbt's generate_series, dateadd and
    last_day, no engine-only syntax. -#}

with

months as (
    select * from {{ ref('dim_months') }}
),

opportunities as (
    select * from {{ ref('fct_opportunities') }}
),

-- every month a metric can place a record in: the spine months, and the expected close
-- months of kpi_sales_forecast (open deals, which may lie ahead of or before the spine)
placed_months as (
    select month_start from months
    union all
    select expected_close_month from opportunities
),

bounds as (
    select
        min(month_start) as first_month,
        max(month_start) as last_month
    from placed_months
),

-- up to 100 years of months
month_numbers as (
    {{ dbt.generate_series(1200) }}
),

-- up to 31 days a month
day_numbers as (
    {{ dbt.generate_series(31) }}
),

spine_months as (
    select
        cast({{ dbt.dateadd('month', 'month_numbers.generated_number - 1', 'bounds.first_month') }} as date) as month_start,
        bounds.last_month
    from month_numbers
    cross join bounds
),

spine_days as (
    select
        cast({{ dbt.dateadd('day', 'day_numbers.generated_number - 1', 'spine_months.month_start') }} as date) as date_day,
        cast({{ dbt.last_day('spine_months.month_start', 'month') }} as date) as month_end
    from spine_months
    cross join day_numbers
    where spine_months.month_start <= spine_months.last_month
),

final as (
    select
        -- dates
        date_day
    from spine_days
    where date_day <= month_end
)

select * from final
