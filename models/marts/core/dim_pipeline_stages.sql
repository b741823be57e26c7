{#- The sales process: one row per staged pipeline stage, with the rank of each open
    (not closed) stage among the open stages, for the stage funnel. -#}

with

pipeline_stages as (
    select * from {{ ref('stg_crm__pipeline_stages') }}
),

-- rank the open stages in process order (closed stages get no rank)
open_stages_ranked as (
    select
        stage_name,
        row_number() over (order by stage_order, stage_name) as open_stage_rank
    from pipeline_stages
    where not is_closed
),

-- the number of open stages, to flag the last one
open_stage_count as (
    select count(*) as open_stages
    from open_stages_ranked
),

final as (
    select
        -- ids
        pipeline_stages.stage_name,

        -- numerics
        pipeline_stages.stage_order,
        open_stages_ranked.open_stage_rank,
        pipeline_stages.default_probability,

        -- booleans
        pipeline_stages.is_closed,
        pipeline_stages.is_won,
        coalesce(open_stages_ranked.open_stage_rank = 1, false) as is_first_open_stage,
        coalesce(open_stages_ranked.open_stage_rank = open_stage_count.open_stages, false) as is_last_open_stage
    from pipeline_stages
    left join open_stages_ranked
        on pipeline_stages.stage_name = open_stages_ranked.stage_name
    cross join open_stage_count
)

select * from final
