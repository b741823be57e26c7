{#- A text column read as its contract type; null when it cannot be read. A `month` is a
    date brought to the first day of its month, here and nowhere else. -#}
{% macro crm_typed_value(column_name, contract_type) -%}
    {%- if contract_type == 'text' -%}
        {{ column_name }}
    {%- elif contract_type == 'month' -%}
        {{ month_start(try_cast(column_name, 'date')) }}
    {%- else -%}
        {{ try_cast(column_name, crm_column_type(contract_type)) }}
    {%- endif -%}
{%- endmacro %}
