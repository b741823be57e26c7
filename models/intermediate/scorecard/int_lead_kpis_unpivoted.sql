{#- The parts of the lead KPIs (the funnel, MQL to SQL, cost per lead), per KPI, owner (MQL
    to SQL) or company, and month. The mart columns each KPI is made of come from
    kpi_catalog (macro kpi_parts). -#}

with

kpi_lead_funnel as (
    select * from {{ ref('kpi_lead_funnel') }}
),

kpi_mql_to_sql_rate as (
    select * from {{ ref('kpi_mql_to_sql_rate') }}
),

kpi_cost_per_lead as (
    select * from {{ ref('kpi_cost_per_lead') }}
),

-- each KPI's parts, per person where the KPI is attributed to people (kpi_catalog.scope_column)
final as (
    {{ kpi_parts(mart='kpi_lead_funnel') }}
    union all
    {{ kpi_parts(mart='kpi_mql_to_sql_rate') }}
    union all
    {{ kpi_parts(mart='kpi_cost_per_lead') }}
)

select * from final
