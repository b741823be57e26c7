{#- One long table for dashboards and alerts (step 3 of 3): every KPI of the catalogue at
    month, fiscal quarter and fiscal year, for the company and, where the KPI is attributed
    to people, for teams and users — the parts of int_kpi_parts_by_period, the value they
    make, the target and the benchmark with their status. The value rule, here and nowhere
    else: a count or an amount is its numerator; a rate divides, × 100 for a percentage and
    the NPS. -#}

with

period_parts as (
    select * from {{ ref('int_kpi_parts_by_period') }}
),

catalog as (
    select * from {{ ref('kpi_catalog') }}
),

targets as (
    select * from {{ ref('kpi_targets') }}
),

-- the value of each KPI, scope and period from its parts
valued as (
    select
        period_parts.*,
        catalog.family,
        catalog.unit,
        catalog.direction,
        catalog.benchmark_value,
        case
            when catalog.denominator_column is null then cast(period_parts.numerator as {{ type_double() }})
            when catalog.unit in ('percent', 'score') then {{ rate_pct('period_parts.numerator', 'period_parts.denominator') }}
            else {{ safe_divide('period_parts.numerator', 'period_parts.denominator') }}
        end as value
    from period_parts
    inner join catalog
        on period_parts.kpi_name = catalog.kpi_name
),

-- the target of the row, when one covers it
with_targets as (
    select
        valued.*,
        targets.target_value
    from valued
    left join targets
        on valued.kpi_name = targets.kpi_name
        and valued.period_grain = targets.period_grain
        and valued.period_start = targets.period_start
        and valued.scope_type = targets.scope_type
        and valued.scope_id = targets.scope_id
),

final as (
    select
        -- strings
        period_grain,
        kpi_name,
        scope_type,
        scope_id,
        family,
        unit,
        direction,
        {{ kpi_status(
            value='value', reference='target_value', direction='direction',
            tolerance_pct=var('at_risk_tolerance_pct')
        ) }} as target_status,
        {{ kpi_status(
            value='value', reference='benchmark_value', direction='direction',
            tolerance_pct=var('at_risk_tolerance_pct')
        ) }} as benchmark_status,

        -- numerics
        numerator,
        denominator,
        value,
        target_value,
        benchmark_value,

        -- booleans
        is_period_complete,

        -- dates
        period_start,
        period_end
    from with_targets
)

select * from final
