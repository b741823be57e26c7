{#- Whether a relation of a source exists in the warehouse, looked up when a model runs.
    Its columns are read from the warehouse's catalog (none when it is absent) rather than
    through adapter.get_relation: dbt's relation cache marks a schema as listed as soon as
    its first relation is added, so threads listing one schema at the same moment may see
    only some of its tables. -#}
{% macro crm_relation_exists(relation) -%}
    {{ return(adapter.get_columns_in_relation(relation) | length > 0) }}
{%- endmacro %}
