with

source as (
    select * from {{ salesforce_source('task') }}
),

-- the contract's vocabulary and types; is_deleted flags the recycle bin. A task happened
-- when it was completed (a logged call or e-mail is completed when logged)
final as (
    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as task_id,
        cast(owner_id as {{ dbt.type_string() }}) as owner_id,
        cast(who_id as {{ dbt.type_string() }}) as who_id,
        cast(what_id as {{ dbt.type_string() }}) as what_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,

        -- strings
        task_subtype,
        type as task_type,
        call_type,
        call_disposition,
        {{ salesforce_custom_field(var('salesforce_activity_outcome_field')) }} as outcome_value,

        -- numerics
        call_duration_in_seconds,

        -- booleans
        coalesce(is_closed, false) as is_closed,

        -- timestamps
        coalesce(
            {{ crm_utc_timestamp('completed_date_time') }},
            {{ crm_utc_timestamp('created_date') }}
        ) as occurred_at,

        -- the deletion flag, when the connector last wrote the row
        {{ salesforce_record_columns(dated=false) }}
    from source
)

select * from final
