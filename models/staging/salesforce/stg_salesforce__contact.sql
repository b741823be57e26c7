with

source as (
    select * from {{ salesforce_source('contact') }}
),

-- the contract's vocabulary and types; is_deleted flags the recycle bin
final as (
    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as contact_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,

        -- strings
        first_name,
        last_name,
        email,
        phone,
        title as job_title,

        -- the deletion flag, the record's times
        {{ salesforce_record_columns() }}
    from source
)

select * from final
