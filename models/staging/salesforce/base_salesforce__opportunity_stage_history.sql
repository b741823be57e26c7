with

opportunity_history as (
    select * from {{ ref('stg_salesforce__opportunity_history') }}
),

-- the history rows that changed the stage, as the contract's stage history. A deleted
-- row is kept: Salesforce deletes history only with its opportunity, which staging then
-- finds not staged (orphan_history)
final as (
    select
        {{ crm_text('opportunity_id') }} as opportunity_id,
        {{ crm_text('stage_name') }} as stage_name,
        {{ crm_text('changed_at') }} as entered_at,
        -- a stage needs no mapping
        cast(null as {{ dbt.type_string() }}) as unmapped_value
    from opportunity_history
    where is_stage_change
)

select * from final
