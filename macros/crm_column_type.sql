{#- The warehouse type of a contract type name: text, timestamp, date, numeric, integer, boolean. -#}
{% macro crm_column_type(contract_type) -%}
    {%- if contract_type == 'text' -%} {{ dbt.type_string() }}
    {%- elif contract_type == 'timestamp' -%} {{ dbt.type_timestamp() }}
    {%- elif contract_type == 'date' -%} date
    {%- elif contract_type == 'numeric' -%} {{ dbt.type_numeric() }}
    {%- elif contract_type == 'integer' -%} {{ dbt.type_int() }}
    {%- elif contract_type == 'boolean' -%} {{ dbt.type_boolean() }}
    {%- else -%} {{ exceptions.raise_compiler_error('crm_column_type: unknown contract type ' ~ contract_type) }}
    {%- endif -%}
{%- endmacro %}
