with

customer_months as (
    select * from {{ ref('fct_customer_months') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- customers at both month ends, and those acquired in the month (new or won back)
customers_by_month as (
    select
        month_start,
        sum(case when is_active_previous_month then 1 else 0 end) as customers_start,
        sum(case when is_active then 1 else 0 end) as customers_end,
        sum(case when is_new then 1 else 0 end) as new_customers,
        sum(case when is_reactivated then 1 else 0 end) as reactivated_customers,
        sum(case when is_churned then 1 else 0 end) as churned_customers
    from customer_months
    group by month_start
),

-- every spine month, 0 customers where none
spine_months as (
    select
        months.month_start,
        cast(coalesce(customers_by_month.customers_start, 0) as {{ dbt.type_bigint() }}) as customers_start,
        cast(coalesce(customers_by_month.customers_end, 0) as {{ dbt.type_bigint() }}) as customers_end,
        cast(coalesce(customers_by_month.new_customers, 0) as {{ dbt.type_bigint() }}) as new_customers,
        cast(coalesce(customers_by_month.reactivated_customers, 0) as {{ dbt.type_bigint() }}) as reactivated_customers,
        cast(coalesce(customers_by_month.churned_customers, 0) as {{ dbt.type_bigint() }}) as churned_customers
    from months
    left join customers_by_month
        on months.month_start = customers_by_month.month_start
),

-- the Koban formula: customers at the end minus those acquired in the month
with_retained as (
    select
        *,
        customers_end - new_customers - reactivated_customers as retained_customers
    from spine_months
),

final as (
    select
        -- numerics
        customers_start,
        customers_end,
        new_customers,
        reactivated_customers,
        churned_customers,
        retained_customers,
        {{ rate_pct('retained_customers', 'customers_start') }} as retention_rate,

        -- dates
        month_start
    from with_retained
)

select * from final
