with

activities as (
    select * from {{ ref('fct_activities') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- outbound emails and their replies per user and month of occurred_at
emails_by_user_month as (
    select
        activities.user_id,
        activities.activity_month as month_start,
        count(*) as emails_sent,
        cast(sum(case when activities.is_email_replied then 1 else 0 end) as {{ dbt.type_bigint() }}) as emails_replied
    from activities
    inner join months
        on activities.activity_month = months.month_start
    where activities.is_email_sent
    group by activities.user_id, activities.activity_month
),

final as (
    select
        -- ids
        user_id,

        -- numerics
        emails_replied,
        emails_sent,
        {{ rate_pct('emails_replied', 'emails_sent') }} as email_response_rate,

        -- dates
        month_start
    from emails_by_user_month
)

select * from final
