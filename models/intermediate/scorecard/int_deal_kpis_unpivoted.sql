{#- The parts of the opportunity KPIs (the cohorts, the won deals, the forecast), per KPI,
    owner and month. The mart columns each KPI is made of come from kpi_catalog (macro
    kpi_parts). -#}

with

kpi_win_rate as (
    select * from {{ ref('kpi_win_rate') }}
),

kpi_revenue as (
    select * from {{ ref('kpi_revenue') }}
),

kpi_average_deal_size as (
    select * from {{ ref('kpi_average_deal_size') }}
),

kpi_sales_cycle_length as (
    select * from {{ ref('kpi_sales_cycle_length') }}
),

kpi_upsell_rate as (
    select * from {{ ref('kpi_upsell_rate') }}
),

kpi_sales_forecast as (
    select * from {{ ref('kpi_sales_forecast') }}
),

-- each KPI's parts, per person where the KPI is attributed to people (kpi_catalog.scope_column)
final as (
    {{ kpi_parts(mart='kpi_win_rate') }}
    union all
    {{ kpi_parts(mart='kpi_revenue') }}
    union all
    {{ kpi_parts(mart='kpi_average_deal_size') }}
    union all
    {{ kpi_parts(mart='kpi_sales_cycle_length') }}
    union all
    {{ kpi_parts(mart='kpi_upsell_rate') }}
    union all
    {{ kpi_parts(mart='kpi_sales_forecast') }}
)

select * from final
