{#- Select list reading every contract column (a dict name -> contract type) as text. -#}
{% macro crm_select_as_text(columns) -%}
    {%- for column_name in columns %}
        {{ crm_text(column_name) }} as {{ column_name }}{{ ',' if not loop.last }}
    {%- endfor %}
{%- endmacro %}
