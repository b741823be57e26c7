{#- Cast a text expression to a type, giving null instead of an error when the text
    cannot be read as that type (data_quality.md rule 4). -#}
{% macro try_cast(field, type) %}
    {{ return(adapter.dispatch('try_cast', 'sales_kpis')(field, type)) }}
{% endmacro %}

{#- Engines whose dbt safe_cast is already safe (Snowflake, BigQuery). -#}
{% macro default__try_cast(field, type) -%}
    {{ dbt.safe_cast(field, type) }}
{%- endmacro %}

{#- Spark: dbt's safe_cast is a plain cast, which (ANSI mode off, as dbt-spark sets it)
    truncates '12.5' to the integer 12; Spark's try_cast gives null there. Spark also reads
    a bare year or year-month ('2024', '2024-03') as a date or timestamp: a date or
    timestamp must start with YYYY-MM-DD, as the contract writes them. -#}
{% macro spark__try_cast(field, type) -%}
    {%- set type_name = type | lower | trim -%}
    {%- if type_name == 'date' or type_name.startswith('timestamp') -%}
    case when {{ field }} rlike '^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}' then try_cast({{ field }} as {{ type }}) end
    {%- else -%}
    try_cast({{ field }} as {{ type }})
    {%- endif -%}
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
