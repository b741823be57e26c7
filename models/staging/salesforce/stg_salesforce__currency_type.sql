with

source as (
    select * from {{ salesforce_source('currency_type') }}
),

-- the org's currencies; the corporate one is the currency every Salesforce rate starts
-- from. _fivetran_deleted flags a currency removed from Salesforce
final as (
    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as currency_type_id,

        -- strings
        iso_code as currency_code,

        -- numerics
        cast(conversion_rate as {{ type_decimal() }}) as conversion_rate,

        -- booleans
        coalesce(is_corporate, false) as is_corporate,
        is_active,

        -- the deletion flag, when the connector last wrote the row
        {{ salesforce_record_columns('_fivetran_deleted', dated=false) }}
    from source
)

select * from final
