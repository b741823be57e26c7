{#- The median of an expression, as an aggregate (over a group by, or the whole table).
    Not portable SQL, so dispatched: the ordered-set aggregate of SQL:2008 by default and
    on PostgreSQL, DuckDB's median, Spark's exact percentile. -#}
{% macro median(expression) %}
    {{ return(adapter.dispatch('median', 'sales_kpis')(expression)) }}
{% endmacro %}

{% macro default__median(expression) -%}
    percentile_cont(0.5) within group (order by {{ expression }})
{%- endmacro %}

{% macro duckdb__median(expression) -%}
    median({{ expression }})
{%- endmacro %}

{% macro postgres__median(expression) -%}
    percentile_cont(0.5) within group (order by {{ expression }})
{%- endmacro %}

{% macro spark__median(expression) -%}
    percentile({{ expression }}, 0.5)
{%- endmacro %}
