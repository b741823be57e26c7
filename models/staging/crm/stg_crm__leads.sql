with

base as (
    select * from {{ ref('base_crm__leads') }}
),

-- the rows that broke no rule of data_quality.md: not deleted, not quarantined
staged as (
    select * from base
    where dq_reason is null
),

final as (
    select
        -- ids
        lead_id,
        owner_id,
        contact_id,
        account_id,

        -- strings
        source_channel,

        -- timestamps
        created_at,
        mql_at,
        sql_at,
        disqualified_at,
        updated_at
    from staged
)

select * from final
