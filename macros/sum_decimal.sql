{#- The sum of a fixed-point expression (money, a KPI part), kept in type_decimal: exact on
    every engine, with the same digits everywhere. Null over no row, as sum(); the caller
    coalesces where a sum over no record is 0. -#}
{% macro sum_decimal(expression) %}
    {{ return(adapter.dispatch('sum_decimal', 'sales_kpis')(expression)) }}
{% endmacro %}

{% macro default__sum_decimal(expression) -%}
    cast(sum({{ expression }}) as {{ type_decimal() }})
{%- endmacro %}

{#- numeric keeps the scale of its inputs: trimmed to the least one (PostgreSQL 13+). -#}
{% macro postgres__sum_decimal(expression) -%}
    trim_scale(sum({{ expression }}))
{%- endmacro %}
