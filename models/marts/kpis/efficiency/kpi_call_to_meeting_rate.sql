with

activities as (
    select * from {{ ref('fct_activities') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- outbound calls and the meetings they booked per user and month of occurred_at
calls_by_user_month as (
    select
        activities.user_id,
        activities.activity_month as month_start,
        count(*) as calls_made,
        cast(sum(case when activities.is_meeting_booked then 1 else 0 end) as {{ dbt.type_bigint() }}) as meetings_booked
    from activities
    inner join months
        on activities.activity_month = months.month_start
    where activities.is_call_made
    group by activities.user_id, activities.activity_month
),

final as (
    select
        -- ids
        user_id,

        -- numerics
        meetings_booked,
        calls_made,
        {{ rate_pct('meetings_booked', 'calls_made') }} as call_to_meeting_rate,

        -- dates
        month_start
    from calls_by_user_month
)

select * from final
