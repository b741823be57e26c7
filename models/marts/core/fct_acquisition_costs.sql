with

acquisition_costs as (
    select * from {{ ref('stg_crm__acquisition_costs') }}
),

exchange_rates as (
    select * from {{ ref('int_exchange_rates_to_reporting') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- each cost with the rate of its cost_month, and whether that month is reported
costs_with_rates as (
    select
        acquisition_costs.*,
        exchange_rates.rate as exchange_rate,
        months.month_start is not null as is_amount_used
    from acquisition_costs
    left join exchange_rates
        on acquisition_costs.currency_code = exchange_rates.from_currency
        and acquisition_costs.cost_month = exchange_rates.rate_month
    left join months
        on acquisition_costs.cost_month = months.month_start
),

final as (
    select
        -- ids
        cost_id,

        -- strings
        department,
        category,
        coalesce(channel, 'unattributed') as channel,
        currency_code,

        -- numerics
        amount,
        exchange_rate,
        {{ convert_to_reporting_currency('amount', 'currency_code', 'exchange_rate') }} as amount_reporting,

        -- booleans
        is_amount_used,

        -- dates
        cost_month,
        cost_month as rate_month
    from costs_with_rates
)

select * from final
