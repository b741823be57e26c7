{%- if salesforce_holds('exchange_rates', ['dated_conversion_rate', 'currency_type']) -%}

with

dated_conversion_rates as (
    select * from {{ ref('stg_salesforce__dated_conversion_rate') }}
),

currency_types as (
    select * from {{ ref('stg_salesforce__currency_type') }}
),

-- the corporate currency, every Salesforce rate's starting point (none: the rates have no
-- target, and staging refuses them for their missing key)
corporate_currencies as (
    select currency_code
    from currency_types
    where is_corporate
        and not is_deleted
),

-- the contract's rates, from each currency to the corporate one: Salesforce's rate
-- (currency per corporate unit) inverted, the project's one inversion of a rate (kpis.md:
-- the marts never invert). A rate that is not positive is passed as is, for staging to
-- refuse (out_of_range). Rates of the corporate currency itself (1) and rates removed from
-- Salesforce are left out
final as (
    select
        {{ crm_text('dated_conversion_rates.start_date') }} as rate_month,
        {{ crm_text('dated_conversion_rates.currency_code') }} as from_currency,
        {{ crm_text('corporate_currencies.currency_code') }} as to_currency,
        {{ crm_text(
            'case when dated_conversion_rates.conversion_rate > 0 then '
            ~ round_money('1 / dated_conversion_rates.conversion_rate')
            ~ ' else dated_conversion_rates.conversion_rate end'
        ) }} as rate,
        -- a rate needs no mapping
        cast(null as {{ dbt.type_string() }}) as unmapped_value
    from dated_conversion_rates
    left join corporate_currencies
        on 1 = 1
    where not dated_conversion_rates.is_deleted
        and (
            corporate_currencies.currency_code is null
            or dated_conversion_rates.currency_code <> corporate_currencies.currency_code
        )
)

select * from final

{%- else -%}

{{ crm_optional_contract_as_text('exchange_rates') }}

{%- endif -%}
