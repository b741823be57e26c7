{#- An amount in the reporting currency (var reporting_currency): unchanged when already in
    it, else multiplied by `rate`, a rate from currency_code to the reporting currency that
    the caller joined for the month the amount needs (kpis.md: never inverted nor chained);
    rounded explicitly (round_money). -#}
{% macro convert_to_reporting_currency(amount, currency_code, rate) -%}
    {{ round_money(
        'case when ' ~ currency_code ~ " = '" ~ var('reporting_currency') ~ "' then " ~ amount
        ~ ' else ' ~ amount ~ ' * ' ~ rate ~ ' end'
    ) }}
{%- endmacro %}
