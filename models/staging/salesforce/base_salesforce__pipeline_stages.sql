with

opportunity_stages as (
    select * from {{ ref('stg_salesforce__opportunity_stage') }}
),

-- the stages of the Stage picklist, active or not (closed deals may be in a retired
-- stage); a stage removed from Salesforce is left out (the contract's stages have no
-- deletion flag)
final as (
    select
        {{ crm_text('stage_name') }} as stage_name,
        {{ crm_text('stage_order') }} as stage_order,
        {{ crm_text('default_probability') }} as default_probability,
        {{ crm_text('is_closed') }} as is_closed,
        {{ crm_text('is_won') }} as is_won,
        -- a stage needs no mapping
        cast(null as {{ dbt.type_string() }}) as unmapped_value
    from opportunity_stages
    where not is_deleted
)

select * from final
