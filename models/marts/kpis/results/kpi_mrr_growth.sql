with

customer_months as (
    select * from {{ ref('int_customer_months_aggregated') }}
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
        customers_end as active_customers,

        -- dates
        month_start
    from customer_months
)

select * from final
