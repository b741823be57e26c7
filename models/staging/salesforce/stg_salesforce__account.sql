with

source as (
    select * from {{ salesforce_source('account') }}
),

-- the contract's vocabulary and types; is_deleted flags the recycle bin
final as (
    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as account_id,
        cast(owner_id as {{ dbt.type_string() }}) as owner_id,

        -- strings
        name as account_name,
        industry,
        billing_country_code as country_code,
        {{ salesforce_custom_field(var('salesforce_account_segment_field')) }} as segment_value,

        -- numerics
        number_of_employees as employee_count,

        -- the deletion flag, the record's times
        {{ salesforce_record_columns() }}
    from source
)

select * from final
