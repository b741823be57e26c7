with

subscriptions as (
    select * from {{ ref('stg_crm__subscriptions') }}
),

exchange_rates as (
    select * from {{ ref('int_exchange_rates_to_reporting') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- the month whose rate converts each subscription: the month of started_on
subscriptions_with_rate_month as (
    select
        subscriptions.*,
        {{ month_start('subscriptions.started_on') }} as rate_month
    from subscriptions
),

-- each subscription with the rate of its start month (its MRR never moves with rates)
subscriptions_with_rates as (
    select
        subscriptions_with_rate_month.*,
        exchange_rates.rate as exchange_rate
    from subscriptions_with_rate_month
    left join exchange_rates
        on subscriptions_with_rate_month.currency_code = exchange_rates.from_currency
        and subscriptions_with_rate_month.rate_month = exchange_rates.rate_month
),

-- active at the end of its start month (a spine month): else at no month end, and no KPI uses its MRR
subscriptions_flagged as (
    select
        subscriptions_with_rates.*,
        months.month_start is not null
        and (
            subscriptions_with_rates.ended_on is null
            or subscriptions_with_rates.ended_on > months.month_end
        ) as is_amount_used
    from subscriptions_with_rates
    left join months
        on subscriptions_with_rates.rate_month = months.month_start
),

final as (
    select
        -- ids
        subscription_id,
        coalesce(account_id, 'unknown') as account_id,
        opportunity_id,

        -- strings
        product_name,
        currency_code,

        -- numerics
        mrr_amount,
        exchange_rate,
        {{ convert_to_reporting_currency('mrr_amount', 'currency_code', 'exchange_rate') }} as mrr_amount_reporting,

        -- booleans
        is_amount_used,

        -- dates
        started_on,
        ended_on,
        rate_month
    from subscriptions_flagged
)

select * from final
