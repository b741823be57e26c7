{#- A left join of the seed hubspot__activity_values (the CTE activity_values) as `alias`,
    on the row that maps `value_column`, a value of the HubSpot property `hubspot_property`
    (<table>.<property>). -#}
{% macro hubspot_value_join(alias, hubspot_property, value_column) -%}
    left join activity_values as {{ alias }}
        on {{ alias }}.hubspot_property = '{{ hubspot_property }}'
        and {{ value_column }} = {{ alias }}.hubspot_value
{%- endmacro %}
