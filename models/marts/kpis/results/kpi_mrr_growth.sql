with

customer_months as (
    select * from {{ ref('fct_customer_months') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- month-end MRR and its movements, summed over the accounts
mrr_by_month as (
    select
        month_start,
        sum(mrr) as mrr,
        sum(previous_mrr) as previous_mrr,
        sum(new_mrr) as new_mrr,
        sum(reactivation_mrr) as reactivation_mrr,
        sum(expansion_mrr) as expansion_mrr,
        sum(contraction_mrr) as contraction_mrr,
        sum(churned_mrr) as churned_mrr,
        sum(case when is_active then 1 else 0 end) as active_customers
    from customer_months
    group by month_start
),

-- every spine month, 0 where no account has been a customer yet
spine_months as (
    select
        months.month_start,
        coalesce(mrr_by_month.mrr, 0) as mrr,
        coalesce(mrr_by_month.previous_mrr, 0) as previous_mrr,
        coalesce(mrr_by_month.new_mrr, 0) as new_mrr,
        coalesce(mrr_by_month.reactivation_mrr, 0) as reactivation_mrr,
        coalesce(mrr_by_month.expansion_mrr, 0) as expansion_mrr,
        coalesce(mrr_by_month.contraction_mrr, 0) as contraction_mrr,
        coalesce(mrr_by_month.churned_mrr, 0) as churned_mrr,
        cast(coalesce(mrr_by_month.active_customers, 0) as {{ dbt.type_bigint() }}) as active_customers
    from months
    left join mrr_by_month
        on months.month_start = mrr_by_month.month_start
),

final as (
    select
        -- numerics
        mrr,
        previous_mrr,
        mrr - previous_mrr as mrr_change,
        {{ rate_pct('mrr - previous_mrr', 'previous_mrr') }} as mrr_growth_rate,
        new_mrr,
        reactivation_mrr,
        expansion_mrr,
        contraction_mrr,
        churned_mrr,
        mrr * 12 as arr,
        active_customers,

        -- dates
        month_start
    from spine_months
)

select * from final
