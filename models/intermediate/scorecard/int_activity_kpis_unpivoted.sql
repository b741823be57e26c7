{#- The parts of the activity KPIs (what an SDR does, and the SQLs and opportunities it
    turns into), per KPI, user and month. The mart columns each KPI is made of come from
    kpi_catalog (macro kpi_parts). -#}

with

kpi_activity_volume as (
    select * from {{ ref('kpi_activity_volume') }}
),

kpi_pipeline_sourced as (
    select * from {{ ref('kpi_pipeline_sourced') }}
),

kpi_email_response_rate as (
    select * from {{ ref('kpi_email_response_rate') }}
),

kpi_call_to_meeting_rate as (
    select * from {{ ref('kpi_call_to_meeting_rate') }}
),

-- each KPI's parts, per person where the KPI is attributed to people (kpi_catalog.scope_column)
final as (
    {{ kpi_parts(mart='kpi_activity_volume') }}
    union all
    {{ kpi_parts(mart='kpi_pipeline_sourced') }}
    union all
    {{ kpi_parts(mart='kpi_email_response_rate') }}
    union all
    {{ kpi_parts(mart='kpi_call_to_meeting_rate') }}
)

select * from final
