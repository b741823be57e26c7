{#- True when a non-text column holds text that cannot be read as its contract type. -#}
{% macro crm_has_unreadable_value(columns) -%}
    (
    {%- for column_name, contract_type in columns.items() if contract_type != 'text' %}
        {{ 'or ' if not loop.first }}({{ column_name }} is not null and {{ try_cast(column_name, crm_column_type(contract_type)) }} is null)
    {%- else %}
        1 = 0
    {%- endfor %}
    )
{%- endmacro %}
