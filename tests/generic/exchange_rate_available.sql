{#- data_quality.md rule 10: an amount a KPI uses, in a currency with no rate for the month
    it needs, fails the build. The model carries the amount, its currency, the month whose
    rate it needs (rate_month_column; null when the currency has no rate at all), the rate
    it found, and whether a KPI uses the amount (used_column: an amount dated outside the
    reported months needs no rate). The error names each currency and month. -#}
{% test exchange_rate_available(model, amount_column, currency_column, rate_month_column, rate_column, used_column) %}

{%- set missing_rates_sql -%}
    select distinct
        {{ currency_column }} as currency_code,
        {{ rate_month_column }} as rate_month
    from {{ model }}
    where {{ used_column }}
        and {{ amount_column }} is not null
        and {{ currency_column }} <> '{{ var("reporting_currency") }}'
        and {{ rate_column }} is null
{%- endset -%}

{%- if execute -%}
    {%- set missing = run_query(missing_rates_sql ~ ' order by 1, 2') -%}
    {%- if missing.rows | length > 0 -%}
        {%- set problems = [] -%}
        {%- for row in missing.rows -%}
            {%- if row[1] is none -%}
                {%- do problems.append(row[0] ~ ' has no rate to ' ~ var('reporting_currency') ~ ' at all') -%}
            {%- else -%}
                {%- do problems.append('no ' ~ row[0] ~ ' -> ' ~ var('reporting_currency') ~ ' rate for ' ~ (row[1] | string)[:7]) -%}
            {%- endif -%}
        {%- endfor -%}
        {{ exceptions.raise_compiler_error('Missing exchange rate in ' ~ model.identifier ~ ': ' ~ problems | join('; ') ~ '. Add the rows to exchange_rates (to_currency = ' ~ var('reporting_currency') ~ ').') }}
    {%- endif -%}
{%- endif -%}

{{ missing_rates_sql }}

{% endtest %}
