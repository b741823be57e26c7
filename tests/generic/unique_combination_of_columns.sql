{#- The grain test of a model keyed on several columns: no two rows share the
    combination (nulls compare equal, as in a group by). -#}
{% test unique_combination_of_columns(model, combination_of_columns) %}

with

grain as (
    select
        {{ combination_of_columns | join(',\n        ') }},
        count(*) as rows_with_this_key
    from {{ model }}
    group by {{ combination_of_columns | join(', ') }}
)

select * from grain
where rows_with_this_key > 1

{% endtest %}
