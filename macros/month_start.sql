{#- The first day (a date) of the UTC month of a timestamp or date. -#}
{% macro month_start(column_name) -%}
    cast({{ dbt.date_trunc('month', column_name) }} as date)
{%- endmacro %}
