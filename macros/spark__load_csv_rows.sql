{#- Spark implementation of dbt's load_csv_rows (a seed's rows). dbt-spark's own binds
    every value as '<value>' unescaped: an empty cell loads as the text 'None' and a quote
    in a value breaks the statement. Here each value is an escaped literal (null for an
    empty cell) cast to its column's Spark type, in batches of get_batch_size() rows. -#}
{% macro spark__load_csv_rows(model, agate_table) %}
    {%- set column_override = model['config'].get('column_types', {}) -%}
    {%- set column_types = [] -%}
    {%- for column_name in agate_table.column_names -%}
        {%- set inferred_type = adapter.convert_type(agate_table, loop.index0) -%}
        {%- do column_types.append(spark_seed_column_type(column_override.get(column_name, inferred_type))) -%}
    {%- endfor -%}
    {%- set statements = [] -%}
    {%- for chunk in agate_table.rows | batch(get_batch_size()) -%}
        {%- set sql -%}
            insert into {{ this.render() }} values
            {% for row in chunk -%}
            ({%- for value in row -%}
                {%- if value is none -%}
                    cast(null as {{ column_types[loop.index0] }})
                {%- else -%}
                    {%- set text = (value | string) if value is not boolean else ('true' if value else 'false') -%}
                    cast('{{ text | replace("\\", "\\\\") | replace("'", "\\'") }}' as {{ column_types[loop.index0] }})
                {%- endif -%}
                {{- ', ' if not loop.last -}}
            {%- endfor -%}){{ ',' if not loop.last }}
            {% endfor %}
        {%- endset -%}
        {%- do adapter.add_query(sql, abridge_sql_log=True) -%}
        {%- if loop.first -%}
            {%- do statements.append(sql) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(statements[0] if statements else '') }}
{% endmacro %}
