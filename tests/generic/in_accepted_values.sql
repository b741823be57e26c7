{#- Every non-null value of the column is one of the list `list_name` of macro
    accepted_values_of (the column's own name when not given): the lists are written once. -#}
{% test in_accepted_values(model, column_name, list_name=none) %}

select {{ column_name }}
from {{ model }}
where {{ column_name }} is not null
    and {{ is_outside_set(column_name, accepted_values_of(list_name or column_name)) }}

{% endtest %}
