{#- The raw contract table `table_name`: the `crm` source, or, when var crm_schema is not
    set, the bundled demo seed of that name (the relation the source would point to), so
    a plain `dbt build` loads the seeds before it stages them. A model reads one or the
    other, never both. -#}
{% macro crm_raw_table(table_name) -%}
    {%- if var('crm_schema') is none -%}
        {{ ref(table_name) }}
    {%- else -%}
        {{ source('crm', table_name) }}
    {%- endif -%}
{%- endmacro %}
