{#- True when a column is null or not one of the allowed values (data_quality.md rule 5). -#}
{% macro is_outside_set(column_name, allowed_values) -%}
    ({{ column_name }} is null or {{ column_name }} not in (
        {%- for value in allowed_values -%}
            '{{ value }}'{{ ', ' if not loop.last }}
        {%- endfor -%}
    ))
{%- endmacro %}
