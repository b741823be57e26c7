{#- on-run-start hook: create whatever an engine needs for try_cast. Nothing by default. -#}
{% macro create_try_cast_functions() %}
    {{ return(adapter.dispatch('create_try_cast_functions', 'sales_kpis')()) }}
{% endmacro %}

{% macro default__create_try_cast_functions() -%}
    select 1 as nothing_to_create
{%- endmacro %}

{% macro postgres__create_try_cast_functions() -%}
    create schema if not exists {{ target.schema }};
    {%- for helper in ['date', 'timestamp', 'timestamptz', 'numeric', 'bigint', 'boolean'] %}
    create or replace function {{ target.schema }}.sales_kpis_try_cast_{{ helper }}(value text)
    returns {{ helper }}
    language plpgsql immutable
    as $fn$
    begin
        return cast(value as {{ helper }});
    exception when others then
        return null;
    end;
    $fn$;
    {%- endfor %}
{%- endmacro %}
