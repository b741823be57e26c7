with

acquisition_costs as (
    select * from {{ ref('fct_acquisition_costs') }}
),

customer_months as (
    select * from {{ ref('fct_customer_months') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- converted costs of each cost_month, by department
costs_by_month as (
    select
        cost_month as month_start,
        sum(case when department = 'marketing' then amount_reporting else 0 end) as marketing_costs,
        sum(case when department = 'sales' then amount_reporting else 0 end) as sales_costs
    from acquisition_costs
    group by cost_month
),

-- accounts active at the month end and at no earlier one (won back ones are not new)
new_customers_by_month as (
    select
        month_start,
        sum(case when is_new then 1 else 0 end) as new_customers
    from customer_months
    group by month_start
),

-- every spine month, 0 costs and 0 customers where none
spine_months as (
    select
        months.month_start,
        coalesce(costs_by_month.marketing_costs, 0) as marketing_costs,
        coalesce(costs_by_month.sales_costs, 0) as sales_costs,
        cast(coalesce(new_customers_by_month.new_customers, 0) as {{ dbt.type_bigint() }}) as new_customers
    from months
    left join costs_by_month
        on months.month_start = costs_by_month.month_start
    left join new_customers_by_month
        on months.month_start = new_customers_by_month.month_start
),

-- marketing plus sales
with_total as (
    select
        *,
        marketing_costs + sales_costs as total_acquisition_costs
    from spine_months
),

final as (
    select
        -- numerics
        marketing_costs,
        sales_costs,
        total_acquisition_costs,
        new_customers,
        {{ safe_divide('total_acquisition_costs', 'new_customers') }} as cac,

        -- dates
        month_start
    from with_total
)

select * from final
