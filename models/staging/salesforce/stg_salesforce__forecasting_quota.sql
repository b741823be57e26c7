with

source as (
    select * from {{ salesforce_source('forecasting_quota') }}
),

-- the contract's vocabulary and types (a quota per owner and forecast period, in revenue
-- or in quantity); _fivetran_deleted flags a quota removed from Salesforce
final as (
    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as forecasting_quota_id,
        cast(quota_owner_id as {{ dbt.type_string() }}) as user_id,

        -- strings
        currency_iso_code as currency_code,

        -- numerics
        cast(quota_amount as {{ type_decimal() }}) as quota_amount,

        -- booleans
        coalesce(is_amount, false) as is_amount,

        -- dates
        cast(start_date as date) as period_start_date,

        -- timestamps
        {{ crm_utc_timestamp('last_modified_date') }} as updated_at,

        -- the deletion flag, when the connector last wrote the row
        {{ salesforce_record_columns('_fivetran_deleted', dated=false) }}
    from source
)

select * from final
