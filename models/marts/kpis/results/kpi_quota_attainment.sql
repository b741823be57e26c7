with

quotas_with_revenue as (
    select * from {{ ref('int_quotas_joined_to_revenue') }}
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
        {{ rate_pct('revenue', 'quota_amount') }} as quota_attainment,

        -- booleans
        is_at_quota,

        -- dates
        quota_month as month_start
    from quotas_with_revenue
)

select * from final
