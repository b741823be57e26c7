with

source as (
    select * from {{ salesforce_source('event') }}
),

-- the contract's vocabulary and types; is_deleted flags the recycle bin. An event takes
-- place from its start to its end (its scheduled length, whether or not it took place)
final as (
    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as event_id,
        cast(owner_id as {{ dbt.type_string() }}) as owner_id,
        cast(who_id as {{ dbt.type_string() }}) as who_id,
        cast(what_id as {{ dbt.type_string() }}) as what_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,

        -- strings
        event_subtype,
        type as event_type,
        {{ salesforce_custom_field(var('salesforce_activity_outcome_field')) }} as outcome_value,

        -- timestamps
        {{ crm_utc_timestamp('start_date_time') }} as started_at,
        {{ crm_utc_timestamp('end_date_time') }} as ended_at,

        -- the deletion flag, when the connector last wrote the row
        {{ salesforce_record_columns(dated=false) }}
    from source
)

select * from final
