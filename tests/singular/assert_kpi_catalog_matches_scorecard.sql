-- Every KPI of kpi_catalog is in kpi_scorecard, and kpi_scorecard holds no KPI the
-- catalogue lacks. A row returned names a KPI on one side only.

with

catalog_kpis as (
    select kpi_name from {{ ref('kpi_catalog') }}
),

scorecard_kpis as (
    select distinct kpi_name from {{ ref('kpi_scorecard') }}
),

compared as (
    select
        coalesce(catalog_kpis.kpi_name, scorecard_kpis.kpi_name) as kpi_name,
        case
            when scorecard_kpis.kpi_name is null then 'in kpi_catalog, not in kpi_scorecard'
            else 'in kpi_scorecard, not in kpi_catalog'
        end as problem
    from catalog_kpis
    full outer join scorecard_kpis
        on catalog_kpis.kpi_name = scorecard_kpis.kpi_name
    where catalog_kpis.kpi_name is null
        or scorecard_kpis.kpi_name is null
)

select * from compared
