with

activities as (
    select * from {{ ref('fct_activities') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- activity counts per user and month of occurred_at, spine months only
volume_by_user_month as (
    select
        activities.user_id,
        activities.activity_month as month_start,
        cast(sum(case when activities.is_call_made then 1 else 0 end) as {{ dbt.type_bigint() }}) as calls_made,
        cast(sum(case when activities.is_email_sent then 1 else 0 end) as {{ dbt.type_bigint() }}) as emails_sent,
        cast(sum(case when activities.is_linkedin_touch then 1 else 0 end) as {{ dbt.type_bigint() }}) as linkedin_touches,
        cast(sum(case when activities.is_meeting_held then 1 else 0 end) as {{ dbt.type_bigint() }}) as meetings_held,
        cast(sum(case when activities.is_demo_held then 1 else 0 end) as {{ dbt.type_bigint() }}) as demos_held,
        count(*) as total_activities
    from activities
    inner join months
        on activities.activity_month = months.month_start
    group by activities.user_id, activities.activity_month
),

final as (
    select
        -- ids
        user_id,

        -- numerics
        calls_made,
        emails_sent,
        linkedin_touches,
        meetings_held,
        demos_held,
        total_activities,

        -- dates
        month_start
    from volume_by_user_month
)

select * from final
