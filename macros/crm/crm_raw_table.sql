{#- The raw contract table `table_name`: the `crm_files` source when var crm_path is set
    (a folder of exported files, DuckDB only); else the `crm` source, or, when var
    crm_schema is not set either, the bundled demo seed of that name (the relation the
    `crm` source would point to), so a plain `dbt build` loads the seeds before it stages
    them. A model reads one of them, never two. -#}
{% macro crm_raw_table(table_name) -%}
    {%- if var('crm_path') is not none -%}
        {{ source('crm_files', table_name) }}
    {%- elif var('crm_schema') is none -%}
        {{ ref(table_name) }}
    {%- else -%}
        {{ source('crm', table_name) }}
    {%- endif -%}
{%- endmacro %}
