{#- One row per staged opportunity: its status from the current stage, the account's
    segment, the owner's team, the amount converted to the reporting currency (closed deals
    at the rate of the month of closed_at, open deals at the latest rate of their
    currency), the effective probability and the cycle length. -#}

with

opportunities as (
    select * from {{ ref('stg_crm__opportunities') }}
),

pipeline_stages as (
    select * from {{ ref('dim_pipeline_stages') }}
),

accounts as (
    select * from {{ ref('dim_accounts') }}
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

-- won / lost / open from the current stage
opportunities_with_status as (
    select
        opportunities.*,
        pipeline_stages.stage_order,
        pipeline_stages.default_probability,
        pipeline_stages.is_closed,
        pipeline_stages.is_won,
        pipeline_stages.is_closed and not pipeline_stages.is_won as is_lost
    from opportunities
    inner join pipeline_stages
        on opportunities.stage_name = pipeline_stages.stage_name
),

-- the latest rate month of each currency (open deals convert at it; closed ones at their close month)
latest_rate_months as (
    select
        from_currency,
        rate_month
    from exchange_rates
    where is_latest_rate
),

-- each deal with the rate month it needs
opportunities_with_rate_month as (
    select
        opportunities_with_status.*,
        case
            when opportunities_with_status.is_closed
                then {{ month_start('opportunities_with_status.closed_at') }}
            else latest_rate_months.rate_month
        end as rate_month
    from opportunities_with_status
    left join latest_rate_months
        on opportunities_with_status.currency_code = latest_rate_months.from_currency
),

-- the rate found for that month (null when missing: the exchange_rate_available test fails)
opportunities_with_rate as (
    select
        opportunities_with_rate_month.*,
        exchange_rates.rate as exchange_rate
    from opportunities_with_rate_month
    left join exchange_rates
        on opportunities_with_rate_month.currency_code = exchange_rates.from_currency
        and opportunities_with_rate_month.rate_month = exchange_rates.rate_month
),

-- account and owner attributes; `unknown` when the row they point to is not staged
opportunities_enriched as (
    select
        opportunities_with_rate.*,
        coalesce(accounts.segment, 'unknown') as segment,
        coalesce(users.team_id, 'unknown') as owner_team_id,
        coalesce(users.role, 'unknown') as owner_role
    from opportunities_with_rate
    left join accounts
        on opportunities_with_rate.account_id = accounts.account_id
    left join users
        on opportunities_with_rate.owner_id = users.user_id
),

-- converted amount, effective probability and cycle length
opportunities_measured as (
    select
        *,
        {{ convert_to_reporting_currency('amount', 'currency_code', 'exchange_rate') }} as amount_reporting,
        coalesce(probability, default_probability) as effective_probability,
        case
            when is_closed
                then {{ dbt.datediff('cast(created_at as date)', 'cast(closed_at as date)', 'day') }}
        end as cycle_days
    from opportunities_enriched
),

-- whether a KPI uses the amount: an open deal (the forecast), a deal closed in a spine month
opportunities_used as (
    select
        opportunities_measured.*,
        not opportunities_measured.is_closed or months.month_start is not null as is_amount_used
    from opportunities_measured
    left join months
        on {{ month_start('opportunities_measured.closed_at') }} = months.month_start
),

final as (
    select
        -- ids
        opportunity_id,
        coalesce(account_id, 'unknown') as account_id,
        lead_id,
        coalesce(owner_id, 'unknown') as owner_id,
        sdr_id,
        owner_team_id,

        -- strings
        opportunity_type,
        stage_name,
        case
            when is_won then 'won'
            when is_lost then 'lost'
            else 'open'
        end as deal_status,
        segment,
        owner_role,
        forecast_category,
        lost_reason,
        currency_code,

        -- numerics
        stage_order,
        amount,
        exchange_rate,
        amount_reporting,
        probability,
        default_probability,
        effective_probability,
        {{ round_money('amount_reporting * effective_probability * 0.01') }} as weighted_amount_reporting,
        cycle_days,

        -- booleans
        is_closed,
        is_won,
        is_lost,
        not is_closed as is_open,
        opportunity_type in ('upsell', 'cross_sell') as is_expansion,
        is_amount_used,

        -- dates
        expected_close_date,
        {{ month_start('created_at') }} as created_month,
        {{ month_start('closed_at') }} as closed_month,
        {{ month_start('expected_close_date') }} as expected_close_month,
        rate_month,

        -- timestamps
        created_at,
        closed_at
    from opportunities_used
)

select * from final
