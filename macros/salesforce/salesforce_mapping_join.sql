{#- A left join of a mapping seed (the CTE `seed`) as `alias` on the row that maps
    `value`, a Salesforce value; with `field` (a SQL expression of the field's name as the
    seed writes it, <table>.<column>), only that field's rows. -#}
{% macro salesforce_mapping_join(seed, alias, value, field=none) -%}
    left join {{ seed }} as {{ alias }}
        on {{ value }} = {{ alias }}.salesforce_value
        {%- if field is not none %}
        and {{ alias }}.salesforce_field = {{ field }}
        {%- endif %}
{%- endmacro %}
