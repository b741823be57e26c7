{#- The parts of the customer-value KPIs (NPS, CAC, LTV, LTV / CAC), per KPI and month, for
    the company. The mart columns each KPI is made of come from kpi_catalog (macro
    kpi_parts). -#}

with

kpi_nps as (
    select * from {{ ref('kpi_nps') }}
),

kpi_cac as (
    select * from {{ ref('kpi_cac') }}
),

kpi_customer_lifetime_value as (
    select * from {{ ref('kpi_customer_lifetime_value') }}
),

kpi_ltv_to_cac as (
    select * from {{ ref('kpi_ltv_to_cac') }}
),

-- each KPI's parts, per person where the KPI is attributed to people (kpi_catalog.scope_column)
final as (
    {{ kpi_parts(mart='kpi_nps') }}
    union all
    {{ kpi_parts(mart='kpi_cac') }}
    union all
    {{ kpi_parts(mart='kpi_customer_lifetime_value') }}
    union all
    {{ kpi_parts(mart='kpi_ltv_to_cac') }}
)

select * from final
