{#- A source adapter's unmapped_value for one CRM value: "<field> = '<value>'" when the value
    is set and no mapping seed row knows it (`mapped` is null), else null. `field` is a SQL
    expression of the field's name (a quoted literal such as "'lead.lead_source'", or a
    column); without `mapped`, any value set is unmapped. -#}
{% macro crm_unmapped_value(field, value, mapped=none) -%}
    case
        when {{ value }} is not null{% if mapped is not none %} and {{ mapped }} is null{% endif %}
            then {{ dbt.concat([field, "' = '''", 'cast(' ~ value ~ ' as ' ~ dbt.type_string() ~ ')', "''''"]) }}
    end
{%- endmacro %}
