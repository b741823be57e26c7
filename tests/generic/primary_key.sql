{#- The grain test of a model: its key — one column (column_name) or several (columns) —
    is never null and never twice. One scan where unique + not_null would take two. -#}
{% test primary_key(model, column_name=none, columns=none) %}

{%- set key = columns or [column_name] %}

select
    {{ key | join(',\n    ') }},
    count(*) as rows_with_this_key
from {{ model }}
group by {{ key | join(', ') }}
having count(*) > 1
    or {{ key | join(' is null or ') }} is null

{% endtest %}
