with

source as (
    select * from {{ salesforce_source('opportunity_stage') }}
),

-- the contract's vocabulary and types; _fivetran_deleted flags a stage removed from the
-- picklist (an inactive stage is still a stage: deals may still be in it)
final as (
    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as opportunity_stage_id,

        -- strings
        coalesce(api_name, master_label) as stage_name,

        -- numerics
        sort_order as stage_order,
        cast(default_probability as {{ type_decimal() }}) as default_probability,

        -- booleans
        is_active,
        is_closed,
        is_won,

        -- the deletion flag, when the connector last wrote the row
        {{ salesforce_record_columns('_fivetran_deleted', dated=false) }}
    from source
)

select * from final
