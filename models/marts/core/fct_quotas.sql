{#- One row per staged quota (user × quota_month), converted to the reporting currency at
    the rate of quota_month. -#}

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

-- each quota with the rate of its month and the user's current team
quotas_enriched as (
    select
        quotas.user_id,
        quotas.currency_code,
        quotas.quota_amount,
        {{ month_start('quotas.quota_month') }} as quota_month,
        exchange_rates.rate as exchange_rate,
        coalesce(users.team_id, 'unknown') as team_id,
        coalesce(users.team_name, 'unknown') as team_name,
        coalesce(users.role, 'unknown') as user_role
    from quotas
    left join exchange_rates
        on quotas.currency_code = exchange_rates.from_currency
        and {{ month_start('quotas.quota_month') }} = exchange_rates.rate_month
    left join users
        on quotas.user_id = users.user_id
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

        -- dates
        quota_month,
        quota_month as rate_month
    from quotas_enriched
)

select * from final
