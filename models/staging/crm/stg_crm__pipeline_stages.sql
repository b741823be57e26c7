with

base as (
    select * from {{ ref('base_crm__pipeline_stages') }}
),

-- the rows that broke no rule of data_quality.md: not deleted, not quarantined
staged as (
    select * from base
    where dq_reason is null
),

final as (
    select
        -- ids
        stage_name,

        -- numerics
        stage_order,
        default_probability,

        -- booleans
        is_closed,
        is_won
    from staged
)

select * from final
