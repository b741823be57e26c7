with

base as (
    select * from {{ ref('base_crm__opportunity_stage_history') }}
),

-- the rows that broke no rule of data_quality.md: not deleted, not quarantined
staged as (
    select * from base
    where dq_reason is null
),

final as (
    select
        -- ids
        opportunity_id,
        stage_name,

        -- timestamps
        entered_at
    from staged
)

select * from final
