with

opportunities as (
    select * from {{ ref('fct_opportunities') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- the month of as_of_date, where open deals without an expected close date go
as_of_month as (
    select month_start as as_of_month_start
    from months
    where is_as_of_month
),

-- open deals placed in the month of their expected close date (overdue ones stay there)
open_deals as (
    select
        coalesce(opportunities.expected_close_month, as_of_month.as_of_month_start) as month_start,
        opportunities.owner_id,
        opportunities.forecast_category,
        opportunities.amount_reporting,
        opportunities.weighted_amount_reporting
    from opportunities
    cross join as_of_month
    where opportunities.is_open
),

-- the pipeline per month, owner and forecast category (a null amount adds nothing)
forecast_by_group as (
    select
        month_start,
        owner_id,
        forecast_category,
        count(*) as open_opportunities,
        coalesce({{ sum_decimal('amount_reporting') }}, 0) as pipeline_amount,
        coalesce({{ sum_decimal('weighted_amount_reporting') }}, 0) as weighted_pipeline
    from open_deals
    group by month_start, owner_id, forecast_category
),

final as (
    select
        -- ids
        owner_id,

        -- strings
        forecast_category,

        -- numerics
        open_opportunities,
        pipeline_amount,
        weighted_pipeline,

        -- dates
        month_start
    from forecast_by_group
)

select * from final
