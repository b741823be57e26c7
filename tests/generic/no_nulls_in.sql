{#- Every row has a value in each of the required `columns` (a hand-edited configuration
    seed, checked in one scan): returns the rows missing one. -#}
{% test no_nulls_in(model, columns) %}

select *
from {{ model }}
where {{ columns | join(' is null\n    or ') }} is null

{% endtest %}
