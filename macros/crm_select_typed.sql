{#- Select list casting every text column to its contract type; unreadable values become null. -#}
{% macro crm_select_typed(columns) -%}
    {%- for column_name, contract_type in columns.items() %}
        {%- if contract_type == 'text' %}
        {{ column_name }}{{ ',' if not loop.last }}
        {%- else %}
        {{ try_cast(column_name, crm_column_type(contract_type)) }} as {{ column_name }}{{ ',' if not loop.last }}
        {%- endif %}
    {%- endfor %}
{%- endmacro %}
