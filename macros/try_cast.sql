{#- Cast a text expression to a type, giving null instead of an error when the text
    cannot be read as that type (data_quality.md rule 4). -#}
{% macro try_cast(field, type) %}
    {{ return(adapter.dispatch('try_cast', 'sales_kpis')(field, type)) }}
{% endmacro %}

{#- Engines whose dbt safe_cast is already safe (Snowflake, BigQuery, Spark). -#}
{% macro default__try_cast(field, type) -%}
    {{ dbt.safe_cast(field, type) }}
{%- endmacro %}

{% macro duckdb__try_cast(field, type) -%}
    try_cast({{ field }} as {{ type }})
{%- endmacro %}

{#- PostgreSQL has no safe cast: plpgsql helpers created by create_try_cast_functions. -#}
{% macro postgres__try_cast(field, type) -%}
    {%- set type_name = type | lower | trim -%}
    {%- if type_name.startswith('timestamp') -%}
        {%- set helper = 'timestamp' -%}
    {%- elif type_name == 'date' -%}
        {%- set helper = 'date' -%}
    {%- elif type_name.startswith('numeric') or type_name.startswith('decimal') -%}
        {%- set helper = 'numeric' -%}
    {%- elif type_name in ('integer', 'int', 'bigint', 'int4', 'int8', 'smallint') -%}
        {%- set helper = 'bigint' -%}
    {%- elif type_name.startswith('bool') -%}
        {%- set helper = 'boolean' -%}
    {%- else -%}
        {%- do exceptions.raise_compiler_error('try_cast: no postgres helper for type ' ~ type) -%}
    {%- endif -%}
    cast({{ target.schema }}.sales_kpis_try_cast_{{ helper }}(cast({{ field }} as text)) as {{ type }})
{%- endmacro %}
