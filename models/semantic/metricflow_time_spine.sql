{#- MetricFlow's day time spine: one row per day from the first day of the month spine
    (dim_months) to the last day of the as_of month, widened to the months of the
    expected_close_date of every deal (kpi_sales_forecast places open deals there, ahead
    of or before the spine). Portable: dbt's generate_series, dateadd and last_day, no
    engine-only syntax. -#}

with

months as (
    select * from {{ ref('dim_months') }}
),

-- the expected close months of kpi_sales_forecast: open deals, placed in the month of
-- their expected_close_date (the as_of month, a spine month, when they have none)
forecast_months as (
    select month_start from {{ ref('kpi_sales_forecast') }}
),

-- every month a metric can place a record in
placed_months as (
    select month_start from months
    union all
    select month_start from forecast_months
),

-- the first and the last day of those months
bounds as (
    select
        min(month_start) as spine_first_day,
        cast({{ dbt.last_day('max(month_start)', 'month') }} as date) as spine_last_day
    from placed_months
),

-- up to 100 years of days
day_numbers as (
    {{ dbt.generate_series(36525) }}
),

final as (
    select
        -- dates
        cast({{ dbt.dateadd('day', 'day_numbers.generated_number - 1', 'bounds.spine_first_day') }} as date) as date_day
    from day_numbers
    cross join bounds
    where day_numbers.generated_number - 1 <= {{ dbt.datediff('bounds.spine_first_day', 'bounds.spine_last_day', 'day') }}
)

select * from final
