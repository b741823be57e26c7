with

source as (
    select * from {{ salesforce_source('lead') }}
),

-- the contract's vocabulary and types; is_deleted flags the recycle bin. A lead's person
-- and company fields are not read: the contract knows a lead by its contact once converted
final as (
    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as lead_id,
        cast(owner_id as {{ dbt.type_string() }}) as owner_id,
        cast(converted_account_id as {{ dbt.type_string() }}) as converted_account_id,
        cast(converted_contact_id as {{ dbt.type_string() }}) as converted_contact_id,
        cast(converted_opportunity_id as {{ dbt.type_string() }}) as converted_opportunity_id,

        -- strings
        lead_source,
        status,

        -- booleans
        coalesce(is_converted, false) as is_converted,

        -- dates
        cast(converted_date as date) as converted_date,

        -- the deletion flag, the record's times
        {{ salesforce_record_columns() }}
    from source
)

select * from final
