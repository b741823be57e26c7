{#- A text timestamp read as a UTC timestamp (without time zone), null when unreadable.
    The contract's timestamps are UTC; an export often writes ISO 8601 with `Z` or an
    offset (`2025-01-01T10:00:00+02:00`): such a value is the instant it names, converted
    to UTC (08:00), on every engine — never read as local time with its offset dropped. -#}
{% macro crm_timestamp(field) %}
    {{ return(adapter.dispatch('crm_timestamp', 'sales_kpis')(field)) }}
{% endmacro %}

{#- A time followed by `Z` or an offset (±hh, ±hhmm, ±hh:mm). -#}
{% macro crm_timestamp_offset_pattern() -%}
    [0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?[ ]*([zZ]|[+-][0-9]{2}(:?[0-9]{2})?)$
{%- endmacro %}

{#- Engines whose cast honours an offset, with a session time zone of UTC (Spark's
    spark.sql.session.timeZone, set in the profile). -#}
{% macro default__crm_timestamp(field) -%}
    {{ try_cast(field, dbt.type_timestamp()) }}
{%- endmacro %}

{% macro duckdb__crm_timestamp(field) -%}
    case
        when regexp_matches({{ field }}, '{{ crm_timestamp_offset_pattern() }}')
            then timezone('UTC', try_cast({{ field }} as timestamptz))
        else try_cast({{ field }} as timestamp)
    end
{%- endmacro %}

{% macro postgres__crm_timestamp(field) -%}
    case
        when {{ field }} ~ '{{ crm_timestamp_offset_pattern() }}'
            then {{ target.schema }}.sales_kpis_try_cast_timestamptz(cast({{ field }} as text)) at time zone 'UTC'
        else {{ try_cast(field, 'timestamp') }}
    end
{%- endmacro %}
