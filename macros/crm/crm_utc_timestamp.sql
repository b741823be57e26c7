{#- A raw timestamp column as a UTC timestamp (without time zone), whatever type the loader
    gave it: a timestamp with time zone (an instant, as Fivetran lands one), a plain
    timestamp (read as UTC) or text with or without an offset. Through its text, so an
    instant is converted to UTC on every engine whatever the session time zone (crm_text,
    then crm_timestamp). -#}
{% macro crm_utc_timestamp(column_name) -%}
    {{ crm_timestamp(crm_text(column_name)) }}
{%- endmacro %}
