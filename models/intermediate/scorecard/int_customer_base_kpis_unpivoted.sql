{#- The parts of the customer-base KPIs (MRR and its growth, churn, retention), per KPI and
    month, for the company. The mart columns each KPI is made of come from kpi_catalog
    (macro kpi_parts). -#}

with

kpi_mrr_growth as (
    select * from {{ ref('kpi_mrr_growth') }}
),

kpi_churn_rate as (
    select * from {{ ref('kpi_churn_rate') }}
),

kpi_retention_rate as (
    select * from {{ ref('kpi_retention_rate') }}
),

-- each KPI's parts, per person where the KPI is attributed to people (kpi_catalog.scope_column)
final as (
    {{ kpi_parts(mart='kpi_mrr_growth') }}
    union all
    {{ kpi_parts(mart='kpi_churn_rate') }}
    union all
    {{ kpi_parts(mart='kpi_retention_rate') }}
)

select * from final
