{#- LTV = ARPA × expected lifetime (months) × gross margin; the lifetime is 100 / the trailing
    12-month churn rate, capped at var ltv_max_lifetime_months. -#}
{%- set max_lifetime_months = var('ltv_max_lifetime_months') -%}
{%- set gross_margin_pct = var('gross_margin_pct') -%}

with

customer_months as (
    select * from {{ ref('int_customer_months_aggregated') }}
),

-- month-end MRR and customers, and the month's churn
spine_months as (
    select
        month_start,
        mrr,
        customers_end as active_customers,
        customers_start,
        churned_customers
    from customer_months
),

-- sums over the 12 spine months ending with this one (fewer at the start of the spine)
trailing_sums as (
    select
        *,
        sum(churned_customers) over (
            order by month_start
            rows between 11 preceding and current row
        ) as trailing_churned_customers,
        sum(customers_start) over (
            order by month_start
            rows between 11 preceding and current row
        ) as trailing_customers_start
    from spine_months
),

-- ARPA and the trailing churn rate
with_rates as (
    select
        month_start,
        mrr,
        active_customers,
        {{ safe_divide('mrr', 'active_customers') }} as arpa,
        cast(trailing_churned_customers as {{ dbt.type_bigint() }}) as trailing_churned_customers,
        cast(trailing_customers_start as {{ dbt.type_bigint() }}) as trailing_customers_start,
        {{ rate_pct('trailing_churned_customers', 'trailing_customers_start') }} as trailing_churn_rate,
        -- 100 / trailing_churn_rate, computed from the counts so 100 / 20 gives exactly 5
        {{ safe_divide('trailing_customers_start', 'trailing_churned_customers') }} as uncapped_lifetime_months
    from trailing_sums
),

-- the expected lifetime, capped with case (least() would ignore a null on some engines)
with_lifetime as (
    select
        *,
        case
            when trailing_churn_rate is null then null
            when trailing_churn_rate = 0 then {{ max_lifetime_months }}
            when uncapped_lifetime_months > {{ max_lifetime_months }} then {{ max_lifetime_months }}
            else uncapped_lifetime_months
        end as expected_lifetime_months
    from with_rates
),

final as (
    select
        -- numerics
        mrr,
        active_customers,
        arpa,
        trailing_churned_customers,
        trailing_customers_start,
        trailing_churn_rate,
        cast(expected_lifetime_months as {{ type_double() }}) as expected_lifetime_months,
        cast({{ max_lifetime_months }} as {{ type_double() }}) as ltv_max_lifetime_months,
        cast({{ gross_margin_pct }} as {{ type_double() }}) as gross_margin_pct,
        {{ safe_divide('arpa * expected_lifetime_months * ' ~ gross_margin_pct, '100') }} as ltv,

        -- dates
        month_start
    from with_lifetime
)

select * from final
