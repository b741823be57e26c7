{#- The warehouse type of a contract type (macro crm_contract): text, timestamp, date, month,
    decimal, integer, boolean. Money, rates and probabilities are `decimal`: a fixed-point
    type_decimal on every engine, so sums are exact and two builds give the same digits. -#}
{% macro crm_column_type(contract_type) -%}
    {%- if contract_type == 'text' -%} {{ dbt.type_string() }}
    {%- elif contract_type == 'timestamp' -%} {{ dbt.type_timestamp() }}
    {%- elif contract_type in ('date', 'month') -%} date
    {%- elif contract_type == 'decimal' -%} {{ type_decimal() }}
    {%- elif contract_type == 'integer' -%} {{ dbt.type_int() }}
    {%- elif contract_type == 'boolean' -%} {{ dbt.type_boolean() }}
    {%- else -%} {{ exceptions.raise_compiler_error('crm_column_type: unknown contract type ' ~ contract_type) }}
    {%- endif -%}
{%- endmacro %}
