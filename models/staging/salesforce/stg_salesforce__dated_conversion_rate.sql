with

source as (
    select * from {{ salesforce_source('dated_conversion_rate') }}
),

-- Salesforce's dated rate, in Salesforce's direction (units of currency_code per unit of
-- the corporate currency, from start_date to the day before next_start_date): inverted to
-- the contract's direction in base_salesforce__exchange_rates, nowhere else.
-- _fivetran_deleted flags a rate removed from Salesforce
final as (
    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as dated_conversion_rate_id,

        -- strings
        iso_code as currency_code,

        -- numerics
        cast(conversion_rate as {{ type_decimal() }}) as conversion_rate,

        -- dates
        cast(start_date as date) as start_date,
        cast(next_start_date as date) as next_start_date,

        -- the deletion flag, when the connector last wrote the row
        {{ salesforce_record_columns('_fivetran_deleted', dated=false) }}
    from source
)

select * from final
