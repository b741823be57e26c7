{#- Money computed from other money (a conversion, a weighting) or read from text, rounded
    explicitly to 6 decimals and kept in type_decimal: every engine stores the same digits
    and sums of money stay exact. -#}
{% macro round_money(amount) %}
    {{ return(adapter.dispatch('round_money', 'sales_kpis')(amount)) }}
{% endmacro %}

{% macro default__round_money(amount) -%}
    cast(round({{ amount }}, 6) as {{ type_decimal() }})
{%- endmacro %}

{#- numeric keeps the scale of its inputs: trimmed to the least one (PostgreSQL 13+). -#}
{% macro postgres__round_money(amount) -%}
    trim_scale(round(cast({{ amount }} as numeric), 6))
{%- endmacro %}
