with

source as (
    select * from {{ salesforce_source('lead_history') }}
),

-- one tracked change of a lead's field (field `Status`: its status); is_deleted flags the
-- recycle bin (a lead's history goes there with it)
final as (
    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as lead_history_id,
        cast(lead_id as {{ dbt.type_string() }}) as lead_id,

        -- strings
        field as field_name,
        cast(old_value as {{ dbt.type_string() }}) as old_value,
        cast(new_value as {{ dbt.type_string() }}) as new_value,

        -- timestamps
        {{ crm_utc_timestamp('created_date') }} as changed_at,

        -- the deletion flag, when the connector last wrote the row
        {{ salesforce_record_columns(dated=false) }}
    from source
)

select * from final
