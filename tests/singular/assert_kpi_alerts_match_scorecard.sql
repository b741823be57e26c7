{#- kpi_alerts holds exactly the kpi_scorecard rows off track or below the quota alert
    threshold, with the scorecard's value; and at team × month its quota alert is
    kpi_team_quota_attainment.quota_alert. Returns the rows that differ. -#}

with

scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

alerts as (
    select * from {{ ref('kpi_alerts') }}
),

team_quota as (
    select * from {{ ref('kpi_team_quota_attainment') }}
),

-- the scorecard rows that should be alerts
expected as (
    select
        period_grain,
        period_start,
        kpi_name,
        scope_type,
        scope_id,
        value
    from scorecard
    where target_status = 'off_track'
        or (kpi_name = 'pct_reps_at_quota' and value < {{ var('quota_alert_threshold_pct') }})
),

-- expected rows missing from kpi_alerts or with another value, and alerts not expected
compared as (
    select
        case
            when alerts.kpi_name is null then 'missing from kpi_alerts'
            when expected.kpi_name is null then 'not an alert of kpi_scorecard'
            else 'value differs from kpi_scorecard'
        end as problem,
        coalesce(expected.period_grain, alerts.period_grain) as period_grain,
        coalesce(expected.period_start, alerts.period_start) as period_start,
        coalesce(expected.kpi_name, alerts.kpi_name) as kpi_name,
        coalesce(expected.scope_type, alerts.scope_type) as scope_type,
        coalesce(expected.scope_id, alerts.scope_id) as scope_id
    from expected
    full outer join alerts
        on expected.period_grain = alerts.period_grain
        and expected.period_start = alerts.period_start
        and expected.kpi_name = alerts.kpi_name
        and expected.scope_type = alerts.scope_type
        and expected.scope_id = alerts.scope_id
    where alerts.kpi_name is null
        or expected.kpi_name is null
        or {{ values_differ('expected.value', 'alerts.value') }}
),

-- team months whose quota alert differs from kpi_team_quota_attainment.quota_alert
quota_alerts_differ as (
    select
        'quota_alert differs from kpi_team_quota_attainment' as problem,
        'month' as period_grain,
        team_quota.month_start as period_start,
        'pct_reps_at_quota' as kpi_name,
        'team' as scope_type,
        team_quota.team_id as scope_id
    from team_quota
    left join alerts
        on alerts.period_grain = 'month'
        and team_quota.month_start = alerts.period_start
        and alerts.kpi_name = 'pct_reps_at_quota'
        and alerts.scope_type = 'team'
        and team_quota.team_id = alerts.scope_id
    where coalesce(team_quota.quota_alert, false) <> coalesce(alerts.is_quota_alert, false)
),

final as (
    select * from compared
    union all
    select * from quota_alerts_differ
)

select * from final
