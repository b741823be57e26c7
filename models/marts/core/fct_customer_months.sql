{#- One row per account and spine month from the account's first month end as an active
    customer on (kpis.md, Customer and revenue KPIs). An account is active on day d when a
    subscription has started_on <= d and (ended_on null or ended_on > d); every customer KPI
    looks at month ends. -#}

with

subscriptions as (
    select * from {{ ref('fct_subscriptions') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- the subscriptions active at each month end, summed per account: MRR at month end
active_at_month_end as (
    select
        subscriptions.account_id,
        months.month_start,
        count(*) as active_subscriptions,
        {{ sum_decimal('subscriptions.mrr_amount_reporting') }} as mrr
    from subscriptions
    inner join months
        on subscriptions.started_on <= months.month_end
        and (
            subscriptions.ended_on is null
            or subscriptions.ended_on > months.month_end
        )
    group by
        subscriptions.account_id,
        months.month_start
),

-- the first month end at which each account was an active customer
first_active_months as (
    select
        account_id,
        min(month_start) as first_active_month
    from active_at_month_end
    group by account_id
),

-- every spine month from the first active month on, active or not
account_months as (
    select
        first_active_months.account_id,
        first_active_months.first_active_month,
        months.month_start,
        months.month_end
    from first_active_months
    inner join months
        on first_active_months.first_active_month <= months.month_start
),

-- the account's state at the end of the month (0 MRR when not active)
account_month_states as (
    select
        account_months.account_id,
        account_months.first_active_month,
        account_months.month_start,
        account_months.month_end,
        coalesce(active_at_month_end.active_subscriptions, 0) as active_subscriptions,
        coalesce(active_at_month_end.mrr, 0) as mrr,
        active_at_month_end.account_id is not null as is_active
    from account_months
    left join active_at_month_end
        on account_months.account_id = active_at_month_end.account_id
        and account_months.month_start = active_at_month_end.month_start
),

-- the state at the end of the month before (rows are consecutive spine months)
with_previous_state as (
    select
        *,
        coalesce(
            lag(mrr) over (partition by account_id order by month_start),
            0
        ) as previous_mrr,
        coalesce(
            lag(is_active) over (partition by account_id order by month_start),
            false
        ) as is_active_previous_month
    from account_month_states
),

-- the movement of the month, from the two month-end states
with_movement as (
    select
        *,
        case
            when is_active and month_start = first_active_month then 'new'
            when is_active and not is_active_previous_month then 'reactivation'
            when is_active_previous_month and not is_active then 'churned'
            when is_active and mrr > previous_mrr then 'expansion'
            when is_active and mrr < previous_mrr then 'contraction'
            else 'unchanged'
        end as movement
    from with_previous_state
),

final as (
    select
        -- ids
        account_id,

        -- strings
        movement,

        -- numerics
        active_subscriptions,
        mrr,
        previous_mrr,
        case when movement = 'new' then mrr else 0 end as new_mrr,
        case when movement = 'reactivation' then mrr else 0 end as reactivation_mrr,
        case when movement = 'expansion' then mrr - previous_mrr else 0 end as expansion_mrr,
        case when movement = 'contraction' then previous_mrr - mrr else 0 end as contraction_mrr,
        case when movement = 'churned' then previous_mrr else 0 end as churned_mrr,
        mrr - previous_mrr as mrr_change,

        -- booleans
        is_active,
        is_active_previous_month,
        movement = 'new' as is_new,
        movement = 'reactivation' as is_reactivated,
        movement = 'churned' as is_churned,

        -- dates
        month_start,
        month_end,
        first_active_month
    from with_movement
)

select * from final
