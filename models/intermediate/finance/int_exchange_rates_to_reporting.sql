with

exchange_rates as (
    select * from {{ ref('stg_crm__exchange_rates') }}
),

-- only rates into the reporting currency are used: never inverted, never chained
to_reporting as (
    select
        rate_month,
        from_currency,
        rate
    from exchange_rates
    where to_currency = '{{ var("reporting_currency") }}'
),

-- the latest month each currency has a rate for (open deals convert at it)
latest_months as (
    select
        from_currency,
        max(rate_month) as latest_rate_month
    from to_reporting
    group by from_currency
),

final as (
    select
        -- strings
        to_reporting.from_currency,

        -- numerics
        to_reporting.rate,

        -- booleans
        to_reporting.rate_month = latest_months.latest_rate_month as is_latest_rate,

        -- dates
        to_reporting.rate_month
    from to_reporting
    inner join latest_months
        on to_reporting.from_currency = latest_months.from_currency
)

select * from final
