{#- The unmapped_value of a HubSpot value that no mapping seed knows: "<field> = '<value>'"
    when the value is set and its mapping is missing, else null (crm_unmapped_value, shared
    by every source adapter, with the field's name as a literal). -#}
{% macro hubspot_unmapped(field, value_column, mapped_column) -%}
    {{ crm_unmapped_value("'" ~ field ~ "'", value_column, mapped_column) }}
{%- endmacro %}
