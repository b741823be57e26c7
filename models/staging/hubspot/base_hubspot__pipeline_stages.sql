with

stages as (
    select * from {{ ref('stg_hubspot__deal_pipeline_stage') }}
),

pipelines as (
    select * from {{ ref('stg_hubspot__deal_pipeline') }}
),

-- stages in process order: open stages first, then by pipeline and display order
ordered as (
    select
        stages.*,
        row_number() over (
            order by
                case when stages.is_closed then 1 else 0 end,
                pipelines.pipeline_order,
                stages.pipeline_id,
                stages.display_order,
                stages.stage_id
        ) as stage_order
    from stages
    left join pipelines
        on stages.pipeline_id = pipelines.pipeline_id
),

-- one row per stage, named by its id (a stage belongs to one pipeline; labels repeat across
-- pipelines); won = closed with probability 1
final as (
    select
        {{ crm_text('stage_id') }} as stage_name,
        {{ crm_text('stage_order') }} as stage_order,
        {{ crm_text('probability * 100') }} as default_probability,
        {{ crm_text('is_closed') }} as is_closed,
        {{ crm_text('coalesce(is_closed and probability = 1, false)') }} as is_won,
        cast(null as {{ dbt.type_string() }}) as unmapped_value
    from ordered
)

select * from final
