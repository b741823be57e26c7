{#- The alerts of the cockpit (doc block kpi_alerts): the kpi_scorecard rows off track
    against their target, and the reps-at-quota rows below var quota_alert_threshold_pct;
    with who acts, the decision to take, the cohort maturity (an immature cohort raises no
    alert) and the rank, worst first, within each period and scope. -#}

{%- set threshold = var('quota_alert_threshold_pct') %}

with

scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

catalog as (
    select * from {{ ref('kpi_catalog') }}
),

users as (
    select * from {{ ref('dim_users') }}
),

maturity as (
    select * from {{ ref('int_cohort_periods_matured') }}
),

-- the name of each team and user scope
scope_names as (
    select distinct
        'team' as scope_type,
        team_id as scope_id,
        team_name as scope_name
    from users
    where team_id is not null
    union all
    select
        'user' as scope_type,
        user_id as scope_id,
        full_name as scope_name
    from users
),

-- the rows that call for attention: off track, or too few reps at quota
candidates as (
    select
        scorecard.*,
        scorecard.target_status = 'off_track' as is_off_track,
        coalesce(
            scorecard.kpi_name = 'pct_reps_at_quota' and {{ quota_alert('scorecard.value') }},
            false
        ) as is_quota_alert
    from scorecard
    where scorecard.target_status = 'off_track'
        or (scorecard.kpi_name = 'pct_reps_at_quota' and {{ quota_alert('scorecard.value') }})
),

-- how far each value misses its target, and the threshold, in % of it, in the bad direction
shortfalls as (
    select
        candidates.*,
        case
            when not candidates.is_off_track then null
            when candidates.direction = 'lower_is_better'
                then {{ rate_pct('candidates.value - candidates.target_value', 'abs(candidates.target_value)') }}
            else {{ rate_pct('candidates.target_value - candidates.value', 'abs(candidates.target_value)') }}
        end as target_shortfall_pct,
        case
            when candidates.is_quota_alert
                then {{ rate_pct(threshold ~ ' - candidates.value', threshold) }}
        end as threshold_shortfall_pct
    from candidates
),

-- the catalogue's words, the scope's name and the cohort's maturity
described as (
    select
        shortfalls.*,
        case
            when shortfalls.threshold_shortfall_pct is null then shortfalls.target_shortfall_pct
            when shortfalls.target_shortfall_pct is null then shortfalls.threshold_shortfall_pct
            when shortfalls.target_shortfall_pct > shortfalls.threshold_shortfall_pct
                then shortfalls.target_shortfall_pct
            else shortfalls.threshold_shortfall_pct
        end as shortfall_pct,
        case when shortfalls.kpi_name = 'pct_reps_at_quota' then {{ threshold }} end as quota_alert_threshold_pct,
        coalesce(scope_names.scope_name, shortfalls.scope_id) as scope_name,
        catalog.display_order,
        catalog.label_en,
        catalog.label_fr,
        catalog.owner_role,
        catalog.decision_en,
        catalog.decision_fr,
        catalog.cohort_lag,
        maturity.cohort_lag_days,
        maturity.matures_on,
        coalesce(maturity.is_mature, true) as is_mature
    from shortfalls
    inner join catalog
        on shortfalls.kpi_name = catalog.kpi_name
    left join scope_names
        on shortfalls.scope_type = scope_names.scope_type
        and shortfalls.scope_id = scope_names.scope_id
    left join maturity
        on shortfalls.kpi_name = maturity.kpi_name
        and shortfalls.period_grain = maturity.period_grain
        and shortfalls.period_start = maturity.period_start
),

-- worst first within each period and scope; immature rows (no alert) after the alerts
ranked as (
    select
        described.*,
        row_number() over (
            partition by
                described.period_grain,
                described.period_start,
                described.scope_type,
                described.scope_id
            order by
                case when described.is_mature then 0 else 1 end asc,
                case when described.shortfall_pct is null then 0 else 1 end asc,
                described.shortfall_pct desc,
                described.display_order asc
        ) as alert_rank
    from described
),

final as (
    select
        -- strings
        period_grain,
        kpi_name,
        scope_type,
        scope_id,
        scope_name,
        family,
        unit,
        direction,
        label_en,
        label_fr,
        target_status,
        owner_role,
        decision_en,
        decision_fr,
        cohort_lag,

        -- numerics
        alert_rank,
        numerator,
        denominator,
        value,
        target_value,
        quota_alert_threshold_pct,
        shortfall_pct,
        benchmark_value,
        cohort_lag_days,

        -- booleans
        is_off_track,
        is_quota_alert,
        is_mature,
        is_mature as raises_alert,
        is_period_complete,

        -- dates
        period_start,
        period_end,
        matures_on
    from ranked
)

select * from final
