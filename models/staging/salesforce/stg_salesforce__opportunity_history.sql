with

source as (
    select * from {{ salesforce_source('opportunity_history') }}
),

-- the contract's vocabulary and types; is_deleted flags the recycle bin (an opportunity's
-- history goes there with it)
renamed as (
    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as opportunity_history_id,
        cast(opportunity_id as {{ dbt.type_string() }}) as opportunity_id,

        -- strings
        stage_name,

        -- dates
        cast(close_date as date) as close_date,
        cast(prev_close_date as date) as prev_close_date,

        -- timestamps
        {{ crm_utc_timestamp('created_date') }} as changed_at,

        -- the deletion flag, when the connector last wrote the row
        {{ salesforce_record_columns(dated=false) }}
    from source
),

-- Salesforce adds a row when the amount, probability, close date or stage changes: the
-- rows whose stage differs from the previous row's of the opportunity (in time order,
-- whatever order the rows came in) are stage changes
final as (
    select
        *,
        coalesce(
            stage_name <> lag(stage_name) over (
                partition by opportunity_id
                order by changed_at, opportunity_history_id
            ),
            true
        ) as is_stage_change
    from renamed
)

select * from final
