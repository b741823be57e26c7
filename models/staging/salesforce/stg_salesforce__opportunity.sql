with

source as (
    select * from {{ salesforce_source('opportunity') }}
),

-- the contract's vocabulary and types; is_deleted flags the recycle bin
final as (
    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as opportunity_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(owner_id as {{ dbt.type_string() }}) as owner_id,

        -- strings
        type as opportunity_type_value,
        stage_name,
        currency_iso_code as currency_code,
        forecast_category as forecast_category_value,
        {{ salesforce_custom_field(var('salesforce_opportunity_lost_reason_field')) }} as lost_reason,

        -- numerics
        cast(amount as {{ type_decimal() }}) as amount,
        cast(probability as {{ type_decimal() }}) as probability,

        -- booleans
        coalesce(is_closed, false) as is_closed,
        coalesce(is_won, false) as is_won,

        -- dates
        cast(close_date as date) as close_date,

        -- the deletion flag, the record's times
        {{ salesforce_record_columns() }}
    from source
)

select * from final
