{#- `dbt run-operation dashboard_data`: the data of the cockpit (scripts/build_dashboard.py)
    and of `make alerts`, read from the marts of any target through its adapter (ref()
    finds them wherever the target builds them), printed as ONE line: the marker
    SALES_KPIS_DASHBOARD_JSON, a space, then a JSON object holding `meta` (the vars and
    the target) and, for each part asked for, its rows as columns (column name → list of
    values: numbers as floats, dates as YYYY-MM-DD). Nothing is recomputed here: the
    scorecard, alerts, maturity, funnel and MRR bridge come from their marts; quarters and
    years of the funnel and the bridge sum their months' parts (the first month's
    previous MRR and the last month's MRR for the bridge's ends). -#}
{% macro dashboard_data(parts=none) %}
    {%- set grains = [('month', 'month_start'), ('quarter', 'fiscal_quarter_start'), ('year', 'fiscal_year_start')] -%}
    {%- set queries = {} -%}
    {#- the rows of CTE `facts` (a month_start column) placed in their month, fiscal quarter and year -#}
    {%- set facts_in_periods -%}
            {%- for grain, column in grains %}
            select
                '{{ grain }}' as period_grain,
                months.{{ column }} as period_start,
                facts.*
            from facts
            inner join months
                on facts.month_start = months.month_start
            {%- if not loop.last %}
            union all
            {%- endif %}
            {%- endfor %}
    {%- endset -%}

    {%- do queries.update({'catalog': "select * from " ~ ref('kpi_catalog') ~ " order by display_order"}) -%}

    {%- set scorecard_sql -%}
        select
            period_grain,
            period_start,
            period_end,
            kpi_name,
            scope_type,
            scope_id,
            numerator,
            denominator,
            value,
            target_value,
            target_status,
            benchmark_value,
            benchmark_status,
            is_period_complete
        from {{ ref('kpi_scorecard') }}
        order by period_grain, period_start, kpi_name, scope_type, scope_id
    {%- endset -%}
    {%- do queries.update({'scorecard': scorecard_sql}) -%}

    {%- do queries.update({'alerts': "select * from " ~ ref('kpi_alerts')
        ~ " order by period_grain, period_start, scope_type, scope_id, alert_rank"}) -%}

    {%- do queries.update({'maturity': "select * from " ~ ref('int_cohort_periods_matured')}) -%}

    {%- set periods_sql -%}
        with

        scorecard as (
            select * from {{ ref('kpi_scorecard') }}
        ),

        months as (
            select * from {{ ref('dim_months') }}
        ),

        -- each period of the scorecard once, with its end and completeness
        periods as (
            select distinct
                period_grain,
                period_start,
                period_end,
                is_period_complete
            from scorecard
            where scope_type = 'company'
        ),

        -- the fiscal year and quarter that name each period
        period_names as (
            select
                'month' as period_grain,
                month_start as period_start,
                fiscal_year,
                fiscal_quarter
            from months
            union all
            select
                'quarter' as period_grain,
                fiscal_quarter_start as period_start,
                max(fiscal_year) as fiscal_year,
                max(fiscal_quarter) as fiscal_quarter
            from months
            group by fiscal_quarter_start
            union all
            select
                'year' as period_grain,
                fiscal_year_start as period_start,
                max(fiscal_year) as fiscal_year,
                cast(null as {{ dbt.type_int() }}) as fiscal_quarter
            from months
            group by fiscal_year_start
        ),

        final as (
            select
                periods.*,
                period_names.fiscal_year,
                period_names.fiscal_quarter
            from periods
            inner join period_names
                on periods.period_grain = period_names.period_grain
                and periods.period_start = period_names.period_start
        )

        select * from final
        order by period_grain, period_start
    {%- endset -%}
    {%- do queries.update({'periods': periods_sql}) -%}

    {%- set people_sql -%}
        select user_id, full_name, role, team_id, team_name, terminated_on
        from {{ ref('dim_users') }}
        order by team_id, role, full_name
    {%- endset -%}
    {%- do queries.update({'people': people_sql}) -%}

    {%- set funnel_sql -%}
        with

        months as (
            select * from {{ ref('dim_months') }}
        ),

        facts as (
            select * from {{ ref('kpi_stage_conversion') }}
        ),

        -- each month's stages placed in its month, fiscal quarter and fiscal year
        period_stages as (
            {{ facts_in_periods }}
        ),

        -- the period's cohorts: parts summed, then divided
        final as (
            select
                period_grain,
                period_start,
                stage_name,
                stage_order,
                sum(reached) as reached,
                sum(advanced) as advanced,
                {{ rate_pct('sum(advanced)', 'sum(reached)') }} as stage_conversion_rate
            from period_stages
            group by period_grain, period_start, stage_name, stage_order
        )

        select * from final
        order by period_grain, period_start, stage_order
    {%- endset -%}
    {%- do queries.update({'funnel': funnel_sql}) -%}

    {%- set bridge_sql -%}
        with

        months as (
            select * from {{ ref('dim_months') }}
        ),

        facts as (
            select * from {{ ref('kpi_mrr_growth') }}
        ),

        -- each month's movements placed in its month, fiscal quarter and fiscal year
        period_months as (
            {{ facts_in_periods }}
        ),

        -- the first and last month of each period
        ranked as (
            select
                period_months.*,
                row_number() over (partition by period_grain, period_start order by month_start) as month_rank_asc,
                row_number() over (partition by period_grain, period_start order by month_start desc) as month_rank_desc
            from period_months
        ),

        -- the period's bridge: MRR at its start, the movements summed, MRR at its end
        final as (
            select
                period_grain,
                period_start,
                max(case when month_rank_asc = 1 then previous_mrr end) as start_mrr,
                sum(new_mrr) as new_mrr,
                sum(reactivation_mrr) as reactivation_mrr,
                sum(expansion_mrr) as expansion_mrr,
                sum(contraction_mrr) as contraction_mrr,
                sum(churned_mrr) as churned_mrr,
                max(case when month_rank_desc = 1 then mrr end) as end_mrr
            from ranked
            group by period_grain, period_start
        )

        select * from final
        order by period_grain, period_start
    {%- endset -%}
    {%- do queries.update({'mrr_bridge': bridge_sql}) -%}

    {%- set wanted = parts if parts else queries.keys() | list -%}
    {%- set result = {'meta': {
        'target_name': target.name,
        'target_type': target.type,
        'reporting_currency': var('reporting_currency'),
        'at_risk_tolerance_pct': var('at_risk_tolerance_pct'),
        'quota_alert_threshold_pct': var('quota_alert_threshold_pct'),
        'fiscal_year_start_month': var('fiscal_year_start_month'),
    }} -%}
    {%- for name in wanted -%}
        {%- if name not in queries -%}
            {%- do exceptions.raise_compiler_error('dashboard_data: no part ' ~ name ~ ' (parts: ' ~ (queries.keys() | join(', ')) ~ ')') -%}
        {%- endif -%}
        {%- set table = run_query(queries[name]) -%}
        {%- set columns = {} -%}
        {%- for column in table.columns -%}
            {%- set values = [] -%}
            {%- for value in column.values() -%}
                {%- if value is none or value is boolean or value is string -%}
                    {%- do values.append(value) -%}
                {%- elif value is number -%}
                    {%- do values.append(value | float) -%}
                {%- else -%}
                    {%- do values.append(value | string) -%}
                {%- endif -%}
            {%- endfor -%}
            {%- do columns.update({column.name: values}) -%}
        {%- endfor -%}
        {%- do result.update({name: columns}) -%}
    {%- endfor -%}
    {{ print('SALES_KPIS_DASHBOARD_JSON ' ~ tojson(result)) }}
{% endmacro %}
