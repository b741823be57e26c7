{#- A double-precision float type: rates are unrounded, and DuckDB's `numeric`
    (decimal(18,3)) or `float` (single precision) would round them. -#}
{% macro type_double() %}
    {{ return(adapter.dispatch('type_double', 'sales_kpis')()) }}
{% endmacro %}

{% macro default__type_double() -%}
    double precision
{%- endmacro %}

{% macro bigquery__type_double() -%}
    float64
{%- endmacro %}

{% macro spark__type_double() -%}
    double
{%- endmacro %}
