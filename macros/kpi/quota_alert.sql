{#- The seeds' own alarm (kpis.md, kpi_team_quota_attainment): true when the share of reps
    at quota is below var quota_alert_threshold_pct (default 60: the quota or the
    enablement is the problem, not the people); null when the share is null. -#}
{% macro quota_alert(pct_reps_at_quota) -%}
    case
        when {{ pct_reps_at_quota }} is null then null
        else {{ pct_reps_at_quota }} < {{ var('quota_alert_threshold_pct') }}
    end
{%- endmacro %}
