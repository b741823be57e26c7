{#- True when two numbers differ: one is null and the other not, or they are further apart
    than relative_tolerance of their size (a scorecard sums doubles where a mart may sum
    decimals, so the last bits can differ). Two nulls do not differ. -#}
{% macro values_differ(left, right, relative_tolerance=1e-9) -%}
    (
        ({{ left }} is null and {{ right }} is not null)
        or ({{ left }} is not null and {{ right }} is null)
        or abs({{ left }} - {{ right }}) > {{ relative_tolerance }} * (abs({{ left }}) + abs({{ right }}))
    )
{%- endmacro %}
