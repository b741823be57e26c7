{#- The customer counts and MRR of each spine month (one row per month of dim_months, 0
    where no account has been a customer yet), summed over fct_customer_months. Shared by
    kpi_mrr_growth, kpi_churn_rate, kpi_retention_rate, kpi_customer_lifetime_value and
    kpi_cac. -#}

with

customer_months as (
    select * from {{ ref('fct_customer_months') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- month-end states and MRR movements summed over the accounts
customers_by_month as (
    select
        month_start,
        sum(case when is_active_previous_month then 1 else 0 end) as customers_start,
        sum(case when is_active then 1 else 0 end) as customers_end,
        sum(case when is_new then 1 else 0 end) as new_customers,
        sum(case when is_reactivated then 1 else 0 end) as reactivated_customers,
        sum(case when is_churned then 1 else 0 end) as churned_customers,
        {{ sum_decimal('mrr') }} as mrr,
        {{ sum_decimal('previous_mrr') }} as previous_mrr,
        {{ sum_decimal('new_mrr') }} as new_mrr,
        {{ sum_decimal('reactivation_mrr') }} as reactivation_mrr,
        {{ sum_decimal('expansion_mrr') }} as expansion_mrr,
        {{ sum_decimal('contraction_mrr') }} as contraction_mrr,
        {{ sum_decimal('churned_mrr') }} as churned_mrr
    from customer_months
    group by month_start
),

-- every spine month, 0 where no account has been a customer yet
spine_months as (
    select
        months.month_start,
        cast(coalesce(customers_by_month.customers_start, 0) as {{ dbt.type_bigint() }}) as customers_start,
        cast(coalesce(customers_by_month.customers_end, 0) as {{ dbt.type_bigint() }}) as customers_end,
        cast(coalesce(customers_by_month.new_customers, 0) as {{ dbt.type_bigint() }}) as new_customers,
        cast(coalesce(customers_by_month.reactivated_customers, 0) as {{ dbt.type_bigint() }}) as reactivated_customers,
        cast(coalesce(customers_by_month.churned_customers, 0) as {{ dbt.type_bigint() }}) as churned_customers,
        coalesce(customers_by_month.mrr, 0) as mrr,
        coalesce(customers_by_month.previous_mrr, 0) as previous_mrr,
        coalesce(customers_by_month.new_mrr, 0) as new_mrr,
        coalesce(customers_by_month.reactivation_mrr, 0) as reactivation_mrr,
        coalesce(customers_by_month.expansion_mrr, 0) as expansion_mrr,
        coalesce(customers_by_month.contraction_mrr, 0) as contraction_mrr,
        coalesce(customers_by_month.churned_mrr, 0) as churned_mrr
    from months
    left join customers_by_month
        on months.month_start = customers_by_month.month_start
),

final as (
    select
        -- numerics
        customers_start,
        customers_end,
        new_customers,
        reactivated_customers,
        churned_customers,
        mrr,
        previous_mrr,
        new_mrr,
        reactivation_mrr,
        expansion_mrr,
        contraction_mrr,
        churned_mrr,

        -- dates
        month_start
    from spine_months
)

select * from final
