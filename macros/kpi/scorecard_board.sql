{#- The query of a role board: one row per person (or the company) of the calling model's
    CTE `board_people` and spine month, one column per KPI of the board, pivoted from
    kpi_scorecard's monthly rows of scope `scope_type` (the calling model's import CTEs
    `scorecard` and `catalog`). `people_columns` are the columns of board_people the board
    keeps, the first one being the scope_id (none for the company); `columns` are the
    board's KPI columns (macro scorecard_board_columns). The three role boards are built by
    it, the same way. -#}
{% macro scorecard_board(scope_type, people_columns, columns) -%}
    select
        {%- for people_column in people_columns %}
        board_people.{{ people_column }},
        {%- endfor %}
        {{- scorecard_board_columns(columns) }},
        board_people.month_start
    from board_people
    cross join catalog
    left join scorecard as board_rows
        on board_rows.period_grain = 'month'
        and board_rows.scope_type = '{{ scope_type }}'
        and {{ 'board_people.' ~ people_columns[0] if people_columns else "'company'" }} = board_rows.scope_id
        and board_people.month_start = board_rows.period_start
        and catalog.kpi_name = board_rows.kpi_name
    where catalog.kpi_name in (
        {%- for column in columns | unique(attribute='kpi_name') -%}
            '{{ column.kpi_name }}'{{ ', ' if not loop.last }}
        {%- endfor -%}
    )
    group by
        {%- for people_column in people_columns %}
        board_people.{{ people_column }},
        {%- endfor %}
        board_people.month_start
{%- endmacro %}
