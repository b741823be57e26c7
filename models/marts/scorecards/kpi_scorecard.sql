{#- One long table for dashboards and alerts: every KPI of the catalogue at month, fiscal
    quarter and fiscal year, for the company and, where the KPI is attributed to people,
    for teams and users; numerator, denominator and value; target and benchmark with their
    status. Periods re-aggregate the months' parts: additive KPIs sum their numerators and
    denominators, then divide; point-in-time KPIs (mrr, ltv, ltv_to_cac) take the last
    spine month of the period; mrr_growth_rate compares the MRR at the end of the period
    with the MRR at the end of the period before (its monthly changes add up to the change
    over the period; its denominator is the first month's previous_mrr). -#}

with

months as (
    select * from {{ ref('dim_months') }}
),

catalog as (
    select * from {{ ref('kpi_catalog') }}
),

targets as (
    select * from {{ ref('kpi_targets') }}
),

parts as (
    select * from {{ ref('int_kpi_parts_unioned') }}
),

-- the company: every KPI and spine month, the parts summed over people and teams
company_months as (
    select
        catalog.kpi_name,
        'company' as scope_type,
        'company' as scope_id,
        case
            when catalog.aggregation = 'point_in_time' then sum(parts.numerator)
            else coalesce(sum(parts.numerator), 0)
        end as numerator,
        case
            when catalog.denominator_column is null then null
            when catalog.aggregation = 'point_in_time' then sum(parts.denominator)
            else coalesce(sum(parts.denominator), 0)
        end as denominator,
        months.month_start
    from months
    cross join catalog
    left join parts
        on months.month_start = parts.month_start
        and catalog.kpi_name = parts.kpi_name
    group by
        catalog.kpi_name,
        catalog.aggregation,
        catalog.denominator_column,
        months.month_start
),

-- the teams, for the KPIs attributed to people
team_months as (
    select
        kpi_name,
        'team' as scope_type,
        team_id as scope_id,
        sum(numerator) as numerator,
        sum(denominator) as denominator,
        month_start
    from parts
    where team_id is not null
    group by kpi_name, team_id, month_start
),

-- the users, for the KPIs attributed to people
user_months as (
    select
        kpi_name,
        'user' as scope_type,
        user_id as scope_id,
        numerator,
        denominator,
        month_start
    from parts
    where user_id is not null
),

-- the three scopes, stacked
scoped_months as (
    select * from company_months
    union all
    select * from team_months
    union all
    select * from user_months
),

-- each period of the spine, complete when all its months are spine months before as_of_date
period_calendar as (
    {%- for grain, period_start, length in [('month', 'month_start', 1), ('quarter', 'fiscal_quarter_start', 3), ('year', 'fiscal_year_start', 12)] %}
    select
        '{{ grain }}' as period_grain,
        {{ period_start }} as period_start,
        {{ length }} as months_in_full_period,
        sum(case when is_complete then 1 else 0 end) = {{ length }} as is_period_complete
    from months
    group by {{ period_start }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

-- each scoped month placed in its month, fiscal quarter and fiscal year
period_months as (
    {%- for grain, period_start in [('month', 'month_start'), ('quarter', 'fiscal_quarter_start'), ('year', 'fiscal_year_start')] %}
    select
        '{{ grain }}' as period_grain,
        scoped_months.*,
        months.{{ period_start }} as period_start
    from scoped_months
    inner join months
        on scoped_months.month_start = months.month_start
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

-- the first and last spine month of each period (for point-in-time and period-change KPIs)
ranked_months as (
    select
        period_months.*,
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

-- the period's parts, by the KPI's aggregation (kpi_catalog.aggregation)
periods as (
    select
        ranked_months.period_grain,
        ranked_months.period_start,
        ranked_months.kpi_name,
        ranked_months.scope_type,
        ranked_months.scope_id,
        case catalog.aggregation
            when 'point_in_time' then max(case when month_rank_desc = 1 then numerator end)
            else sum(numerator)
        end as numerator,
        case catalog.aggregation
            when 'point_in_time' then max(case when month_rank_desc = 1 then denominator end)
            when 'period_change' then max(case when month_rank_asc = 1 then denominator end)
            else sum(denominator)
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

-- the value: an amount or count is its numerator; a ratio divides (× 100 for percentages and NPS)
valued as (
    select
        periods.*,
        catalog.family,
        catalog.unit,
        catalog.direction,
        catalog.benchmark_value,
        case
            when catalog.denominator_column is null then periods.numerator
            when catalog.unit in ('percent', 'score') then {{ rate_pct('periods.numerator', 'periods.denominator') }}
            else {{ safe_divide('periods.numerator', 'periods.denominator') }}
        end as value,
        period_calendar.months_in_full_period,
        period_calendar.is_period_complete
    from periods
    inner join catalog
        on periods.kpi_name = catalog.kpi_name
    inner join period_calendar
        on periods.period_grain = period_calendar.period_grain
        and periods.period_start = period_calendar.period_start
),

final as (
    select
        -- strings
        valued.period_grain,
        valued.kpi_name,
        valued.scope_type,
        valued.scope_id,
        valued.family,
        valued.unit,
        valued.direction,
        {{ kpi_status('valued.value', 'targets.target_value', 'valued.direction', var('at_risk_tolerance_pct')) }} as target_status,
        {{ kpi_status('valued.value', 'valued.benchmark_value', 'valued.direction', var('at_risk_tolerance_pct')) }} as benchmark_status,

        -- numerics
        valued.numerator,
        valued.denominator,
        valued.value,
        targets.target_value,
        valued.benchmark_value,

        -- booleans
        valued.is_period_complete,

        -- dates
        valued.period_start,
        cast(
            {{ dbt.dateadd('day', -1, dbt.dateadd('month', 'valued.months_in_full_period', 'valued.period_start')) }}
            as date
        ) as period_end
    from valued
    left join targets
        on valued.kpi_name = targets.kpi_name
        and valued.period_grain = targets.period_grain
        and valued.period_start = targets.period_start
        and valued.scope_type = targets.scope_type
        and valued.scope_id = targets.scope_id
)

select * from final
