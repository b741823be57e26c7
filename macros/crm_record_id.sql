{#- A record's primary key as text: the composite key joined with '|', null when any part is missing. -#}
{% macro crm_record_id(key_columns) -%}
    {%- if key_columns | length == 1 -%}
        {{ key_columns[0] }}
    {%- else -%}
        {%- set parts = [] -%}
        {%- for column_name in key_columns -%}
            {%- do parts.append(column_name) -%}
            {%- if not loop.last -%}{%- do parts.append("'|'") -%}{%- endif -%}
        {%- endfor -%}
        {{ dbt.concat(parts) }}
    {%- endif -%}
{%- endmacro %}
