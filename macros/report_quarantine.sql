{#- on-run-end hook: after a build or run that built dq_quarantine, print how many raw
    records staging refused, by raw table and reason (data_quality.md: "a warning says
    how many"). Prints nothing when the quarantine is empty or was not built. -#}
{% macro report_quarantine(results) %}
    {%- if execute and flags.WHICH in ('build', 'run') -%}
        {%- set built = results | selectattr('node.name', 'equalto', 'dq_quarantine') | selectattr('status', 'equalto', 'success') | list -%}
        {%- if built -%}
            {%- set node = built[0].node -%}
            {%- set relation = api.Relation.create(database=node.database, schema=node.schema, identifier=node.alias) -%}
            {%- set counts = run_query(
                'select source_table, reason, count(*) as records from ' ~ relation
                ~ ' group by source_table, reason order by source_table, reason'
            ) -%}
            {%- set total = counts.columns[2].values() | sum -%}
            {%- if total > 0 -%}
                {%- do log('Quarantine: ' ~ total ~ ' raw records refused by staging (query ' ~ relation ~ '):', info=true) -%}
                {%- for row in counts.rows -%}
                    {%- do log('  ' ~ row[0] ~ ': ' ~ row[2] ~ ' ' ~ row[1], info=true) -%}
                {%- endfor -%}
            {%- endif -%}
        {%- endif -%}
    {%- endif -%}
    select 1 as quarantine_reported
{% endmacro %}
