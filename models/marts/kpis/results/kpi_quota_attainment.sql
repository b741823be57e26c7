{#- The quota rules, here and nowhere else: a quota above 0 is a quota to attain (a quota
    of 0 gives a null attainment and leaves the rep out of the team's reps with quota);
    a rep is at quota when the revenue reaches such a quota. attainment_revenue and
    attainment_quota are the numerator and denominator every re-aggregation sums. -#}

with

quotas_with_revenue as (
    select * from {{ ref('int_quotas_joined_to_revenue') }}
),

-- which quotas count
quotas_ruled as (
    select
        *,
        quota_amount > 0 as has_quota
    from quotas_with_revenue
),

-- the parts of quota_attainment: revenue and quota of a quota to attain, else 0
attainment_parts as (
    select
        *,
        case when has_quota then revenue else 0 end as attainment_revenue,
        case when has_quota then quota_amount else 0 end as attainment_quota
    from quotas_ruled
),

final as (
    select
        -- ids
        user_id,
        team_id,

        -- strings
        team_name,

        -- numerics
        revenue,
        quota_amount,
        attainment_revenue,
        attainment_quota,
        {{ rate_pct('attainment_revenue', 'attainment_quota') }} as quota_attainment,

        -- booleans
        has_quota,
        has_quota and revenue >= quota_amount as is_at_quota,

        -- dates
        quota_month as month_start
    from attainment_parts
)

select * from final
