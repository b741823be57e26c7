{#- The unmapped_value of a HubSpot value that no mapping seed knows: "<field> = '<value>'"
    when the value is set and its mapping is missing, else null. -#}
{% macro hubspot_unmapped(field, value_column, mapped_column) -%}
    case
        when {{ value_column }} is not null and {{ mapped_column }} is null
            then {{ dbt.concat(["'" ~ field ~ " = '''", 'cast(' ~ value_column ~ ' as ' ~ dbt.type_string() ~ ')', "''''"]) }}
    end
{%- endmacro %}
