with

source as (
    select * from {{ salesforce_source('profile') }}
),

-- the contract's vocabulary; _fivetran_deleted flags a profile removed from Salesforce
final as (
    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as profile_id,

        -- strings
        name as profile_name,

        -- the deletion flag, when the connector last wrote the row
        {{ salesforce_record_columns('_fivetran_deleted', dated=false) }}
    from source
)

select * from final
