with

leads as (
    select * from {{ ref('fct_leads') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- the cohort of leads created in the month, by source channel, and how far it got
funnel_by_month_channel as (
    select
        leads.created_month as month_start,
        leads.source_channel,
        count(*) as leads_created,
        cast(sum(case when leads.is_mql then 1 else 0 end) as {{ dbt.type_bigint() }}) as mqls,
        cast(sum(case when leads.is_sql then 1 else 0 end) as {{ dbt.type_bigint() }}) as sqls,
        cast(sum(case when leads.has_opportunity then 1 else 0 end) as {{ dbt.type_bigint() }}) as opportunities,
        cast(sum(case when leads.has_won_opportunity then 1 else 0 end) as {{ dbt.type_bigint() }}) as customers
    from leads
    inner join months
        on leads.created_month = months.month_start
    group by leads.created_month, leads.source_channel
),

final as (
    select
        -- strings
        source_channel,

        -- numerics
        leads_created,
        mqls,
        sqls,
        opportunities,
        customers,
        {{ rate_pct('customers', 'leads_created') }} as lead_conversion_rate,
        {{ rate_pct('mqls', 'leads_created') }} as lead_to_mql_rate,
        {{ rate_pct('sqls', 'leads_created') }} as lead_to_sql_rate,
        {{ rate_pct('opportunities', 'leads_created') }} as lead_to_opportunity_rate,
        {{ rate_pct('customers', 'opportunities') }} as opportunity_to_customer_rate,

        -- dates
        month_start
    from funnel_by_month_channel
)

select * from final
