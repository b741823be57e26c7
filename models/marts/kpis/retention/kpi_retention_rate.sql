with

customer_months as (
    select * from {{ ref('int_customer_months_aggregated') }}
),

-- the Koban formula: customers at the end minus those acquired in the month (new or won back)
with_retained as (
    select
        *,
        customers_end - new_customers - reactivated_customers as retained_customers
    from customer_months
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
