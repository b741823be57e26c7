{#- numerator / denominator as a double; null when the denominator is 0 or null
    (kpis.md: a division by zero gives null, never an error and never 0). -#}
{% macro safe_divide(numerator, denominator) -%}
    (cast({{ numerator }} as {{ type_double() }}) / nullif(cast({{ denominator }} as {{ type_double() }}), 0))
{%- endmacro %}
