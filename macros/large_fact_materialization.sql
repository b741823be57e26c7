{#- The materialization of the models built incrementally (base_crm__activities,
    fct_activities): `incremental` where the engine can delete rows from a table, `table`
    on Spark, whose default parquet tables support neither delete nor merge (the
    delete+insert strategy and the pre-hook forget_restaged would fail). Rebuilt whole
    there, the models hold the same rows: an incremental run equals a full build. Read in
    the models' config() at parse time, so it dispatches on the target's adapter. -#}
{% macro large_fact_materialization() %}
    {{ return(adapter.dispatch('large_fact_materialization', 'sales_kpis')()) }}
{% endmacro %}

{% macro default__large_fact_materialization() %}
    {{ return('incremental') }}
{% endmacro %}

{% macro spark__large_fact_materialization() %}
    {{ return('table') }}
{% endmacro %}
