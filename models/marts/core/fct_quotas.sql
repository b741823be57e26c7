{#- One row per staged quota (user × quota_month), converted to the reporting currency at
    the rate of quota_month; is_amount_used when quota_month is a spine month (a quota
    booked ahead or before the data needs no rate). -#}

with

quotas as (
    select * from {{ ref('stg_crm__quotas') }}
),

users as (
    select * from {{ ref('dim_users') }}
),

exchange_rates as (
    select * from {{ ref('int_exchange_rates_to_reporting') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- each quota with the rate of its month, the user's current team, and whether it is reported
quotas_enriched as (
    select
        quotas.user_id,
        quotas.currency_code,
        quotas.quota_amount,
        quotas.quota_month,
        exchange_rates.rate as exchange_rate,
        coalesce(users.team_id, 'unknown') as team_id,
        coalesce(users.team_name, 'unknown') as team_name,
        coalesce(users.role, 'unknown') as user_role,
        months.month_start is not null as is_amount_used
    from quotas
    left join exchange_rates
        on quotas.currency_code = exchange_rates.from_currency
        and quotas.quota_month = exchange_rates.rate_month
    left join users
        on quotas.user_id = users.user_id
    left join months
        on quotas.quota_month = months.month_start
),

final as (
    select
        -- ids
        user_id,
        team_id,

        -- strings
        team_name,
        user_role,
        currency_code,

        -- numerics
        quota_amount,
        exchange_rate,
        {{ convert_to_reporting_currency('quota_amount', 'currency_code', 'exchange_rate') }} as quota_amount_reporting,

        -- booleans
        is_amount_used,

        -- dates
        quota_month,
        quota_month as rate_month
    from quotas_enriched
)

select * from final
