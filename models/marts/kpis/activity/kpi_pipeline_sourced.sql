{#- What an SDR's activity turns into: per user and month, the leads the user owns that
    became SQL (a qualified meeting) in the month (of sql_at), and the opportunities created
    in the month (of created_at) whose SDR (sdr_id) is the user. A row for every user and
    spine month with at least one of them. -#}

with

leads as (
    select * from {{ ref('fct_leads') }}
),

opportunities as (
    select * from {{ ref('fct_opportunities') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- each lead that became SQL, at the month of sql_at, for its owner
sqls as (
    select
        owner_id as user_id,
        sql_month as month_start,
        1 as sql_generated,
        0 as opportunity_sourced
    from leads
    where is_sql
),

-- each opportunity an SDR sourced, at the month of created_at
sourced_opportunities as (
    select
        sdr_id as user_id,
        created_month as month_start,
        0 as sql_generated,
        1 as opportunity_sourced
    from opportunities
    where sdr_id is not null
),

-- both stacked, so a month with only one of them is kept
sqls_and_opportunities as (
    select * from sqls
    union all
    select * from sourced_opportunities
),

-- per user and spine month
pipeline_by_user_month as (
    select
        sqls_and_opportunities.user_id,
        sqls_and_opportunities.month_start,
        cast(sum(sqls_and_opportunities.sql_generated) as {{ dbt.type_bigint() }}) as sqls_generated,
        cast(sum(sqls_and_opportunities.opportunity_sourced) as {{ dbt.type_bigint() }}) as opportunities_sourced
    from sqls_and_opportunities
    inner join months
        on sqls_and_opportunities.month_start = months.month_start
    group by
        sqls_and_opportunities.user_id,
        sqls_and_opportunities.month_start
),

final as (
    select
        -- ids
        user_id,

        -- numerics
        sqls_generated,
        opportunities_sourced,

        -- dates
        month_start
    from pipeline_by_user_month
)

select * from final
