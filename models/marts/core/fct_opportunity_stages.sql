{#- The open stages each opportunity reached, for the stage funnel (kpi_stage_conversion):
    one row per opportunity × open stage reached.
    - An opportunity reached every open stage up to the furthest open stage its stage
      history or its current stage shows: skipped stages count as reached, moving back
      does not undo a stage. History entries at the same instant are ordered by stage_order.
    - Every opportunity reached at least the first open stage; a won deal reached them all.
    - A lost deal reached the open stages up to the furthest one entered before its
      history's first closed-stage entry (all of its history when it has none), and at
      least the first open stage; its current (closed) stage adds nothing.
    - has_advanced: the deal reached the next open stage (after the last open stage, next
      means won). -#}

with

opportunities as (
    select * from {{ ref('fct_opportunities') }}
),

stage_history as (
    select * from {{ ref('stg_crm__opportunity_stage_history') }}
),

pipeline_stages as (
    select * from {{ ref('dim_pipeline_stages') }}
),

-- the open stages, in process order
open_stages as (
    select
        stage_name,
        stage_order,
        open_stage_rank,
        is_last_open_stage
    from pipeline_stages
    where not is_closed
),

-- history entries in order: entered_at, then stage_order for entries at the same instant
history_ordered as (
    select
        stage_history.opportunity_id,
        pipeline_stages.open_stage_rank,
        pipeline_stages.is_closed,
        row_number() over (
            partition by stage_history.opportunity_id
            order by stage_history.entered_at, pipeline_stages.stage_order, stage_history.stage_name
        ) as entry_number
    from stage_history
    inner join pipeline_stages
        on stage_history.stage_name = pipeline_stages.stage_name
),

-- the position of each deal's first closed-stage entry (null when none)
first_closed_entries as (
    select
        opportunity_id,
        min(entry_number) as first_closed_entry_number
    from history_ordered
    where is_closed
    group by opportunity_id
),

-- the furthest open stage of the history: all of it, and only before the first closed entry
history_furthest as (
    select
        history_ordered.opportunity_id,
        max(history_ordered.open_stage_rank) as furthest_rank_in_history,
        max(
            case
                when first_closed_entries.first_closed_entry_number is null
                    or history_ordered.entry_number < first_closed_entries.first_closed_entry_number
                    then history_ordered.open_stage_rank
            end
        ) as furthest_rank_before_close
    from history_ordered
    left join first_closed_entries
        on history_ordered.opportunity_id = first_closed_entries.opportunity_id
    group by history_ordered.opportunity_id
),

-- the number of open stages (a won deal reached them all)
open_stage_count as (
    select max(open_stage_rank) as open_stages
    from open_stages
),

-- the furthest open stage each deal reached, by the rules above
furthest_reached as (
    select
        opportunities.opportunity_id,
        opportunities.created_month,
        opportunities.is_won,
        case
            when opportunities.is_won
                then open_stage_count.open_stages
            when opportunities.is_lost
                then coalesce(history_furthest.furthest_rank_before_close, 1)
            when history_furthest.furthest_rank_in_history is null
                or current_stage.open_stage_rank > history_furthest.furthest_rank_in_history
                then coalesce(current_stage.open_stage_rank, 1)
            else history_furthest.furthest_rank_in_history
        end as furthest_open_stage_rank
    from opportunities
    cross join open_stage_count
    left join history_furthest
        on opportunities.opportunity_id = history_furthest.opportunity_id
    left join open_stages as current_stage
        on opportunities.stage_name = current_stage.stage_name
),

-- one row per open stage reached, with whether the deal went on to the next one
stages_reached as (
    select
        furthest_reached.opportunity_id,
        furthest_reached.created_month,
        open_stages.stage_name,
        open_stages.stage_order,
        open_stages.open_stage_rank,
        furthest_reached.furthest_open_stage_rank,
        furthest_reached.is_won,
        case
            when open_stages.is_last_open_stage then furthest_reached.is_won
            else furthest_reached.furthest_open_stage_rank > open_stages.open_stage_rank
        end as has_advanced
    from furthest_reached
    inner join open_stages
        on furthest_reached.furthest_open_stage_rank >= open_stages.open_stage_rank
),

final as (
    select
        -- ids
        opportunity_id,
        stage_name,

        -- numerics
        stage_order,
        open_stage_rank,
        furthest_open_stage_rank,

        -- booleans
        is_won,
        has_advanced,

        -- dates
        created_month
    from stages_reached
)

select * from final
