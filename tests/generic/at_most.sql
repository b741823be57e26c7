{#- A part never exceeds its whole: column <= other_column on every row (e.g. a rate's
    numerator at most its denominator). -#}
{% test at_most(model, column_name, other_column) %}

select * from {{ model }}
where {{ column_name }} > {{ other_column }}

{% endtest %}
