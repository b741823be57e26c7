with

customer_months as (
    select * from {{ ref('int_customer_months_aggregated') }}
),

final as (
    select
        -- numerics
        churned_customers,
        customers_start,
        {{ rate_pct('churned_customers', 'customers_start') }} as churn_rate,

        -- dates
        month_start
    from customer_months
)

select * from final
