with

leads as (
    select * from {{ ref('fct_leads') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- the cohort of leads that became MQL in the month, and those of them that became SQL
mqls_by_month_channel_owner as (
    select
        leads.mql_month as month_start,
        leads.source_channel,
        leads.owner_id,
        count(*) as mqls,
        cast(sum(case when leads.is_sql then 1 else 0 end) as {{ dbt.type_bigint() }}) as sqls
    from leads
    inner join months
        on leads.mql_month = months.month_start
    where leads.is_mql
    group by leads.mql_month, leads.source_channel, leads.owner_id
),

final as (
    select
        -- ids
        owner_id,

        -- strings
        source_channel,

        -- numerics
        sqls,
        mqls,
        {{ rate_pct('sqls', 'mqls') }} as mql_to_sql_rate,

        -- dates
        month_start
    from mqls_by_month_channel_owner
)

select * from final
