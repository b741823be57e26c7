{#- The KPI columns of a role board, pivoted from kpi_scorecard's monthly rows: a select
    list for a query over (person or company) × month × kpi_catalog (alias `catalog`)
    left-joined to those rows (alias `board_rows`), grouped by person and month. Each
    column is a dict: `column` (its name on the board), `kpi_name`, `part` (`value` by
    default, or `numerator` / `denominator`) and `missing_as` (what a part reads when the
    person has no row for the month; null by default). A missing row's value reads 0 for a
    count or an amount (a sum over no record) and null for a rate (kpis.md). -#}
{% macro scorecard_board_columns(columns) -%}
    {%- for column in columns %}
    {%- set part = column.get('part', 'value') %}
    {%- if part == 'value' %}
        {%- set cell = 'case when board_rows.kpi_name is not null then board_rows.value when catalog.denominator_column is null then 0 end' %}
    {%- else %}
        {%- set cell = 'coalesce(board_rows.' ~ part ~ ', ' ~ column.get('missing_as', 'null') ~ ')' %}
    {%- endif %}
        max(case when catalog.kpi_name = '{{ column.kpi_name }}' then {{ cell }} end) as {{ column.column }}{{ ',' if not loop.last }}
    {%- endfor %}
{%- endmacro %}
