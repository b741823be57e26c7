{#- Step 2 of kpi_scorecard: the parts of every KPI and scope over each period — the spine
    month, the fiscal quarter and the fiscal year (var fiscal_year_start_month) — by the
    KPI's aggregation (kpi_catalog.aggregation):
    - additive: numerators and denominators add up over the period's months;
    - point_in_time (mrr, ltv, ltv_to_cac): the parts of the period's last spine month;
    - period_change (mrr_growth_rate): the changes add up, over the MRR at the end of the
      month before the period (the denominator of the period's first month).
    A period is complete when all its months are complete spine months. -#}

{%- set periods = [
    {'grain': 'month', 'start_column': 'month_start', 'months': 1},
    {'grain': 'quarter', 'start_column': 'fiscal_quarter_start', 'months': 3},
    {'grain': 'year', 'start_column': 'fiscal_year_start', 'months': 12},
] -%}

with

scoped_parts as (
    select * from {{ ref('int_kpi_parts_scoped') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

catalog as (
    select * from {{ ref('kpi_catalog') }}
),

-- each period of the spine, its last day, and whether all its months are complete
period_calendar as (
    {%- for period in periods %}
    select
        '{{ period.grain }}' as period_grain,
        {{ period.start_column }} as period_start,
        cast(
            {{ dbt.dateadd('day', -1, dbt.dateadd('month', period.months, period.start_column)) }}
            as date
        ) as period_end,
        sum(case when is_complete then 1 else 0 end) = {{ period.months }} as is_period_complete
    from months
    group by {{ period.start_column }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

-- each scoped month placed in its month, fiscal quarter and fiscal year
period_months as (
    {%- for period in periods %}
    select
        '{{ period.grain }}' as period_grain,
        months.{{ period.start_column }} as period_start,
        scoped_parts.*
    from scoped_parts
    inner join months
        on scoped_parts.month_start = months.month_start
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

-- the first and last month of each KPI, scope and period
ranked_months as (
    select
        *,
        row_number() over (
            partition by period_grain, period_start, kpi_name, scope_type, scope_id
            order by month_start
        ) as month_rank_asc,
        row_number() over (
            partition by period_grain, period_start, kpi_name, scope_type, scope_id
            order by month_start desc
        ) as month_rank_desc
    from period_months
),

-- the period's parts, by the KPI's aggregation
period_parts as (
    select
        ranked_months.period_grain,
        ranked_months.period_start,
        ranked_months.kpi_name,
        ranked_months.scope_type,
        ranked_months.scope_id,
        case catalog.aggregation
            when 'point_in_time' then max(case when ranked_months.month_rank_desc = 1 then ranked_months.numerator end)
            else {{ sum_decimal('ranked_months.numerator') }}
        end as numerator,
        case catalog.aggregation
            when 'point_in_time' then max(case when ranked_months.month_rank_desc = 1 then ranked_months.denominator end)
            when 'period_change' then max(case when ranked_months.month_rank_asc = 1 then ranked_months.denominator end)
            else {{ sum_decimal('ranked_months.denominator') }}
        end as denominator
    from ranked_months
    inner join catalog
        on ranked_months.kpi_name = catalog.kpi_name
    group by
        ranked_months.period_grain,
        ranked_months.period_start,
        ranked_months.kpi_name,
        ranked_months.scope_type,
        ranked_months.scope_id,
        catalog.aggregation
),

final as (
    select
        -- strings
        period_parts.period_grain,
        period_parts.kpi_name,
        period_parts.scope_type,
        period_parts.scope_id,

        -- numerics
        period_parts.numerator,
        period_parts.denominator,

        -- booleans
        period_calendar.is_period_complete,

        -- dates
        period_parts.period_start,
        period_calendar.period_end
    from period_parts
    inner join period_calendar
        on period_parts.period_grain = period_calendar.period_grain
        and period_parts.period_start = period_calendar.period_start
)

select * from final
