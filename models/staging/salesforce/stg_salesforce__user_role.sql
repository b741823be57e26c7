with

source as (
    select * from {{ salesforce_source('user_role') }}
),

-- the contract's vocabulary; _fivetran_deleted flags a role removed from Salesforce
final as (
    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as user_role_id,

        -- strings
        name as user_role_name,
        rollup_description,

        -- the deletion flag, when the connector last wrote the row
        {{ salesforce_record_columns('_fivetran_deleted', dated=false) }}
    from source
)

select * from final
