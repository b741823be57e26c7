{#- Every reference of a model to another found there: for each column of `references`
    (column: model.column), the non-null values without a row in that model, with the
    column they came from. One test for all the references of a model, where a
    relationships test per column is a node per column. Each column is read from the model
    itself, not from a shared CTE: an engine materializes a CTE read several times (DuckDB
    does), and copying the columns of 3 M rows costs twice what reading them does. -#}
{% test references_resolve(model, references) %}

with
{%- for column_name, target in references.items() %}
{%- set parent_model, parent_column = target.split('.') %}

-- the values of {{ column_name }} that {{ parent_model }} does not hold
orphans_{{ column_name }} as (
    select
        '{{ column_name }}' as column_name,
        '{{ target }}' as referenced,
        cast(referencing.{{ column_name }} as {{ dbt.type_string() }}) as orphan_value
    from {{ model }} as referencing
    left join {{ ref(parent_model) }} as parent
        on referencing.{{ column_name }} = parent.{{ parent_column }}
    where referencing.{{ column_name }} is not null
        and parent.{{ parent_column }} is null
),
{%- endfor %}

orphans as (
    {%- for column_name in references.keys() %}
    select * from orphans_{{ column_name }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
)

select * from orphans

{% endtest %}
