{#- Every staged user (terminated ones included) and spine month: the rows of the role
    boards, sdr_scorecard keeping the SDRs and ae_scorecard the AEs. -#}

with

months as (
    select * from {{ ref('dim_months') }}
),

users as (
    select * from {{ ref('dim_users') }}
),

-- every user and spine month
final as (
    select
        -- ids
        users.user_id,
        users.team_id,

        -- strings
        users.full_name,
        users.role,

        -- dates
        months.month_start
    from users
    cross join months
)

select * from final
