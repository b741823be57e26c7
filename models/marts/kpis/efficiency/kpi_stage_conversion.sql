with

opportunity_stages as (
    select * from {{ ref('fct_opportunity_stages') }}
),

opportunities as (
    select * from {{ ref('fct_opportunities') }}
),

pipeline_stages as (
    select * from {{ ref('dim_pipeline_stages') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- the spine months in which at least one opportunity was created
cohort_months as (
    select distinct opportunities.created_month as month_start
    from opportunities
    inner join months
        on opportunities.created_month = months.month_start
),

-- every open stage for every cohort month
cohort_stages as (
    select
        cohort_months.month_start,
        pipeline_stages.stage_name,
        pipeline_stages.stage_order
    from cohort_months
    cross join pipeline_stages
    where not pipeline_stages.is_closed
),

-- deals of the cohort that reached each stage, and those that went on to the next one
reached_by_month_stage as (
    select
        created_month as month_start,
        stage_name,
        count(*) as reached,
        cast(sum(case when has_advanced then 1 else 0 end) as {{ dbt.type_bigint() }}) as advanced
    from opportunity_stages
    group by created_month, stage_name
),

-- 0 for a stage nobody of the cohort reached
stage_funnel as (
    select
        cohort_stages.month_start,
        cohort_stages.stage_name,
        cohort_stages.stage_order,
        coalesce(reached_by_month_stage.reached, 0) as reached,
        coalesce(reached_by_month_stage.advanced, 0) as advanced
    from cohort_stages
    left join reached_by_month_stage
        on cohort_stages.month_start = reached_by_month_stage.month_start
        and cohort_stages.stage_name = reached_by_month_stage.stage_name
),

final as (
    select
        -- strings
        stage_name,

        -- numerics
        stage_order,
        advanced,
        reached,
        {{ rate_pct('advanced', 'reached') }} as stage_conversion_rate,

        -- dates
        month_start
    from stage_funnel
)

select * from final
