-- kpi_scorecard's company months equal the KPI marts: for every KPI of the catalogue and
-- every month its mart has, the numerator and denominator summed straight from the mart
-- over the month (macro kpi_parts_from_marts, not by person) and the value they make (× 100
-- for a percentage or the NPS); and the catalogue names the same source mart and columns.
-- A row returned is a difference.

with

scorecard as (
    select * from {{ ref('kpi_scorecard') }}
    where period_grain = 'month'
        and scope_type = 'company'
),

catalog as (
    select * from {{ ref('kpi_catalog') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- the marts' company parts, every month they have
all_mart_values as (
    {{ kpi_parts_from_marts() }}
),

-- inside the spine (kpi_sales_forecast also has months ahead)
mart_values as (
    select all_mart_values.*
    from all_mart_values
    inner join months
        on all_mart_values.month_start = months.month_start
),

joined as (
    select
        mart_values.kpi_name,
        mart_values.month_start,
        mart_values.numerator as mart_numerator,
        mart_values.denominator as mart_denominator,
        case
            when mart_values.denominator_column is null then mart_values.numerator
            when catalog.unit in ('percent', 'score') then {{ rate_pct('mart_values.numerator', 'mart_values.denominator') }}
            else {{ safe_divide('mart_values.numerator', 'mart_values.denominator') }}
        end as mart_value,
        scorecard.numerator,
        scorecard.denominator,
        scorecard.value,
        case
            when catalog.kpi_name is null then 'KPI missing from kpi_catalog'
            when catalog.source_mart <> mart_values.source_mart
                or catalog.numerator_column <> mart_values.numerator_column
                or coalesce(catalog.denominator_column, '') <> coalesce(mart_values.denominator_column, '')
                then 'kpi_catalog names other columns'
            when scorecard.kpi_name is null then 'month missing from kpi_scorecard'
        end as problem
    from mart_values
    left join catalog
        on mart_values.kpi_name = catalog.kpi_name
    left join scorecard
        on mart_values.kpi_name = scorecard.kpi_name
        and mart_values.month_start = scorecard.period_start
)

select * from joined
where problem is not null
    or {{ values_differ('numerator', 'mart_numerator') }}
    or {{ values_differ('denominator', 'mart_denominator') }}
    or {{ values_differ('value', 'mart_value') }}
