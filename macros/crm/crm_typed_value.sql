{#- A text column read as its contract type; null when it cannot be read. A `month` is a
    date brought to the first day of its month, here and nowhere else; a `decimal` is
    rounded to the 6 decimals of type_decimal (round_money); a `timestamp` with an offset is
    converted to UTC (crm_timestamp). -#}
{% macro crm_typed_value(column_name, contract_type) -%}
    {%- if contract_type == 'text' -%}
        {{ column_name }}
    {%- elif contract_type == 'month' -%}
        {{ month_start(try_cast(column_name, 'date')) }}
    {%- elif contract_type == 'timestamp' -%}
        {{ crm_timestamp(column_name) }}
    {%- elif contract_type == 'decimal' -%}
        {{ round_money(try_cast(column_name, type_decimal())) }}
    {%- else -%}
        {{ try_cast(column_name, crm_column_type(contract_type)) }}
    {%- endif -%}
{%- endmacro %}
