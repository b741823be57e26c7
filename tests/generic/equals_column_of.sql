{#- The column equals a column of another model on the rows that share the join columns
    (a board column and the KPI mart it comes from): compared with values_differ, the other
    model's missing row read as missing_as (0 for a count, null for a rate). -#}
{% test equals_column_of(model, column_name, to, field, join_columns, missing_as=none) %}

with

compared as (
    select
        {%- for column in join_columns %}
        checked.{{ column }},
        {%- endfor %}
        checked.{{ column_name }} as value,
        coalesce(other.{{ field }}, {{ 'null' if missing_as is none else missing_as }}) as other_value
    from {{ model }} as checked
    left join {{ to }} as other
        on {% for column in join_columns -%}
        checked.{{ column }} = other.{{ column }}{{ ' and ' if not loop.last }}
        {%- endfor %}
)

select * from compared
where {{ values_differ('value', 'other_value') }}

{% endtest %}
