{#- The rows of the kpi_catalog seed, read when a model compiles (the catalogue is the one
    place that says which mart columns make each KPI): a list of dicts with the seed's
    column names, in display_order; only those of `source_mart` when given. The caller's
    model depends on the seed through the ref() below, so `dbt build` loads it first. At
    parse time there is nothing to read yet: an empty list. -#}
{% macro kpi_catalog_entries(source_mart=none) %}
    {%- set catalog = ref('kpi_catalog') -%}
    {%- if not execute -%}
        {{ return([]) }}
    {%- endif -%}
    {%- if adapter.get_relation(database=catalog.database, schema=catalog.schema, identifier=catalog.identifier) is none -%}
        {{ exceptions.raise_compiler_error('The seed kpi_catalog is not loaded in ' ~ catalog ~ ': run `dbt seed --select kpi_catalog` (dbt build loads it first).') }}
    {%- endif -%}
    {%- set query -%}
        select * from {{ catalog }}
        {%- if source_mart %}
        where source_mart = '{{ source_mart }}'
        {%- endif %}
        order by display_order
    {%- endset -%}
    {%- set table = run_query(query) -%}
    {%- set entries = [] -%}
    {%- for row in table.rows -%}
        {%- set entry = {} -%}
        {%- for column_name in table.column_names -%}
            {%- do entry.update({column_name | lower: row[column_name]}) -%}
        {%- endfor -%}
        {%- do entries.append(entry) -%}
    {%- endfor -%}
    {{ return(entries) }}
{% endmacro %}
