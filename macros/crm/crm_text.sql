{#- A raw column as trimmed text, blank read as null, whatever type the loader gave it. -#}
{% macro crm_text(column_name) -%}
    nullif(trim(cast({{ column_name }} as {{ dbt.type_string() }})), '')
{%- endmacro %}
