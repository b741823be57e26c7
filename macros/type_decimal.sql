{#- The fixed-point type of money, rates and probabilities, and of every KPI part:
    decimal(28, 6) (the contract says decimal), so sums are exact and two builds give the
    same digits. PostgreSQL uses its unconstrained numeric, whose values round_money and
    sum_decimal trim to their least scale: every engine then shows the same digits
    (numeric(28, 6) would show 100.000000 where the others show 100). -#}
{% macro type_decimal() %}
    {{ return(adapter.dispatch('type_decimal', 'sales_kpis')()) }}
{% endmacro %}

{% macro default__type_decimal() -%}
    decimal(28, 6)
{%- endmacro %}

{% macro postgres__type_decimal() -%}
    numeric
{%- endmacro %}
