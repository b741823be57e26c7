{#- A fingerprint of a raw row: a hash of every column of `columns` (text, nulls told apart
    from blanks), equal for identical copies. The incremental staging of a large table
    compares the raw rows' fingerprints with those it staged before to find what changed. -#}
{% macro crm_row_fingerprint(columns) %}
    {{ return(adapter.dispatch('crm_row_fingerprint', 'sales_kpis')(columns)) }}
{% endmacro %}

{%- macro default__crm_row_fingerprint(columns) -%}
    {%- set parts = [] -%}
    {%- for column_name in columns -%}
        {%- do parts.append("coalesce(" ~ column_name ~ ", '\\N')") -%}
        {%- if not loop.last %}{% do parts.append("'|'") %}{% endif -%}
    {%- endfor -%}
    {{ dbt.hash(dbt.concat(parts)) }}
{%- endmacro %}

{#- DuckDB's own 64-bit hash of the values, kept as the number it is (an order of magnitude
    faster than md5, and a text of 20 digits cost a third of a second to store per 3 M
    rows). -#}
{%- macro duckdb__crm_row_fingerprint(columns) -%}
    hash({{ columns | join(', ') }})
{%- endmacro %}
