{#- Spark: the Spark type of a seed column's `column_types` entry. The seeds' YAML names
    portable SQL types (varchar, double precision, integer) that DuckDB and PostgreSQL
    read; Spark has no varchar without a size nor `double precision`. Other types pass. -#}
{% macro spark_seed_column_type(column_type) -%}
    {%- set spark_types = {
        'varchar': dbt.type_string(),
        'text': dbt.type_string(),
        'character varying': dbt.type_string(),
        'double precision': type_double(),
        'integer': dbt.type_int(),
    } -%}
    {{ return(spark_types.get(column_type | lower | trim, column_type)) }}
{%- endmacro %}
