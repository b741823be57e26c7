with

source as (
    select * from {{ salesforce_source('user') }}
),

-- the contract's vocabulary and types; _fivetran_deleted flags a user removed from
-- Salesforce (a user who left is inactive, not deleted)
final as (
    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as user_id,
        cast(user_role_id as {{ dbt.type_string() }}) as user_role_id,
        cast(profile_id as {{ dbt.type_string() }}) as profile_id,
        cast(manager_id as {{ dbt.type_string() }}) as manager_id,

        -- strings
        name as full_name,
        email,

        -- booleans
        is_active,

        -- the deletion flag, the record's times
        {{ salesforce_record_columns('_fivetran_deleted') }}
    from source
)

select * from final
