with

opportunities_won as (
    select * from {{ ref('int_opportunities_won_aggregated') }}
),

final as (
    select
        -- ids
        owner_id,

        -- strings
        segment,
        opportunity_type,

        -- numerics
        deals_won,
        revenue,

        -- dates
        month_start
    from opportunities_won
)

select * from final
