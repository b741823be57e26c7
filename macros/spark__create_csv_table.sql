{#- Spark implementation of dbt's create_csv_table (a seed's table): dbt-spark's own, with
    the seed's column_types translated to Spark types (spark_seed_column_type). -#}
{% macro spark__create_csv_table(model, agate_table) %}
    {%- set column_types = {} -%}
    {%- for column_name, column_type in model['config'].get('column_types', {}).items() -%}
        {%- do column_types.update({column_name: spark_seed_column_type(column_type)}) -%}
    {%- endfor -%}
    {%- set spark_config = model['config'].copy() -%}
    {%- do spark_config.update({'column_types': column_types}) -%}
    {%- set spark_model = model.copy() -%}
    {%- do spark_model.update({'config': spark_config}) -%}
    {{ return(dbt.spark__create_csv_table(spark_model, agate_table)) }}
{% endmacro %}
