{#- A percentage: numerator / denominator × 100, unrounded; null on an empty denominator.
    Multiplies before dividing, so 6 / 15 gives exactly 40 rather than 40.000000000000004. -#}
{% macro rate_pct(numerator, denominator) -%}
    {{ safe_divide('100 * (' ~ numerator ~ ')', denominator) }}
{%- endmacro %}
