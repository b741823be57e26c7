with

acquisition_costs as (
    select * from {{ ref('fct_acquisition_costs') }}
),

leads as (
    select * from {{ ref('fct_leads') }}
),

months as (
    select * from {{ ref('dim_months') }}
),

-- marketing cost lines by cost_month and channel (null channel already `unattributed`)
costs_by_month_channel as (
    select
        cost_month as month_start,
        channel,
        amount_reporting as marketing_cost,
        0 as lead_created
    from acquisition_costs
    where department = 'marketing'
),

-- leads by month of created_at and source channel
leads_by_month_channel as (
    select
        created_month as month_start,
        source_channel as channel,
        0 as marketing_cost,
        1 as lead_created
    from leads
),

-- costs and leads stacked, so that a (month, channel) with only one of them is kept
costs_and_leads as (
    select * from costs_by_month_channel
    union all
    select * from leads_by_month_channel
),

-- every (month, channel) that has costs or leads, spine months only
cost_per_lead_by_month_channel as (
    select
        costs_and_leads.month_start,
        costs_and_leads.channel,
        coalesce({{ sum_decimal('costs_and_leads.marketing_cost') }}, 0) as marketing_costs,
        cast(sum(costs_and_leads.lead_created) as {{ dbt.type_bigint() }}) as leads_created
    from costs_and_leads
    inner join months
        on costs_and_leads.month_start = months.month_start
    group by costs_and_leads.month_start, costs_and_leads.channel
),

final as (
    select
        -- strings
        channel,

        -- numerics
        marketing_costs,
        leads_created,
        {{ safe_divide('marketing_costs', 'leads_created') }} as cost_per_lead,

        -- dates
        month_start
    from cost_per_lead_by_month_channel
)

select * from final
