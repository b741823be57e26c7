with

acquisition_costs as (
    select * from {{ ref('fct_acquisition_costs') }}
),

customer_months as (
    select * from {{ ref('int_customer_months_aggregated') }}
),

-- converted costs of each cost_month, by department
costs_by_month as (
    select
        cost_month as month_start,
        {{ sum_decimal("case when department = 'marketing' then amount_reporting else 0 end") }} as marketing_costs,
        {{ sum_decimal("case when department = 'sales' then amount_reporting else 0 end") }} as sales_costs
    from acquisition_costs
    group by cost_month
),

-- every spine month with its new customers (won back ones are not new), 0 costs where none
spine_months as (
    select
        customer_months.month_start,
        coalesce(costs_by_month.marketing_costs, 0) as marketing_costs,
        coalesce(costs_by_month.sales_costs, 0) as sales_costs,
        customer_months.new_customers
    from customer_months
    left join costs_by_month
        on customer_months.month_start = costs_by_month.month_start
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
