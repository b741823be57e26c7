with

customer_lifetime_value as (
    select * from {{ ref('kpi_customer_lifetime_value') }}
),

cac as (
    select * from {{ ref('kpi_cac') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- the month's LTV and CAC, as their marts compute them
ltv_and_cac as (
    select
        months.month_start,
        customer_lifetime_value.ltv,
        cac.cac
    from months
    left join customer_lifetime_value
        on months.month_start = customer_lifetime_value.month_start
    left join cac
        on months.month_start = cac.month_start
),

-- the ratio
with_ratio as (
    select
        *,
        {{ safe_divide('ltv', 'cac') }} as ltv_to_cac
    from ltv_and_cac
),

final as (
    select
        -- strings
        case
            when ltv_to_cac is null then null
            when ltv_to_cac < 1 then 'unprofitable'
            when ltv_to_cac < 3 then 'below_target'
            when ltv_to_cac <= 5 then 'healthy'
            else 'under_investing'
        end as ltv_to_cac_health,

        -- numerics
        ltv,
        cac,
        ltv_to_cac,

        -- dates
        month_start
    from with_ratio
)

select * from final
