with

customer_months as (
    select * from {{ ref('fct_customer_months') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- customers at the start of the month (active at the end of the month before) and those lost
customers_by_month as (
    select
        month_start,
        sum(case when is_active_previous_month then 1 else 0 end) as customers_start,
        sum(case when is_churned then 1 else 0 end) as churned_customers
    from customer_months
    group by month_start
),

-- every spine month, 0 customers where none
spine_months as (
    select
        months.month_start,
        cast(coalesce(customers_by_month.customers_start, 0) as {{ dbt.type_bigint() }}) as customers_start,
        cast(coalesce(customers_by_month.churned_customers, 0) as {{ dbt.type_bigint() }}) as churned_customers
    from months
    left join customers_by_month
        on months.month_start = customers_by_month.month_start
),

final as (
    select
        -- numerics
        churned_customers,
        customers_start,
        {{ rate_pct('churned_customers', 'customers_start') }} as churn_rate,

        -- dates
        month_start
    from spine_months
)

select * from final
