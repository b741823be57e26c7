{#- The parts of the quota KPIs (a rep's attainment, a team's reps at quota), per KPI, user
    or team, and month. The mart columns each KPI is made of come from kpi_catalog (macro
    kpi_parts). -#}

with

kpi_quota_attainment as (
    select * from {{ ref('kpi_quota_attainment') }}
),

kpi_team_quota_attainment as (
    select * from {{ ref('kpi_team_quota_attainment') }}
),

-- each KPI's parts, per person where the KPI is attributed to people (kpi_catalog.scope_column)
final as (
    {{ kpi_parts(mart='kpi_quota_attainment') }}
    union all
    {{ kpi_parts(mart='kpi_team_quota_attainment') }}
)

select * from final
