{#- The materialization of the model built incrementally (base_crm__activities):
    `incremental` where the engine can delete rows from a table, `table` on Spark, whose
    default parquet tables support neither delete nor merge (the delete+insert strategy
    would fail). Rebuilt whole there, the model holds the same rows: an incremental run
    equals a full build. Read in the model's config() at parse time, so it dispatches on
    the target's adapter. -#}
{% macro large_fact_materialization() %}
    {{ return(adapter.dispatch('large_fact_materialization', 'sales_kpis')()) }}
{% endmacro %}

{% macro default__large_fact_materialization() %}
    {{ return('incremental') }}
{% endmacro %}

{% macro spark__large_fact_materialization() %}
    {{ return('table') }}
{% endmacro %}
