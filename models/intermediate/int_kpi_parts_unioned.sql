{#- The parts of every KPI of the catalogue, month by month, at the finest scope the KPI
    is attributed to: a user (with the user's current team) for the KPIs attributed to
    people, a team for pct_reps_at_quota, the company (user_id and team_id null) for the
    others. numerator_column and denominator_column name the mart columns the parts come
    from; the seed kpi_catalog names the same ones (a data test checks it). Spine months
    only: kpi_sales_forecast's months ahead are left to that mart. -#}

{%- set user_kpis = [
    {'kpi_name': 'calls_made', 'numerator': 'calls_made'},
    {'kpi_name': 'emails_sent', 'numerator': 'emails_sent'},
    {'kpi_name': 'linkedin_touches', 'numerator': 'linkedin_touches'},
    {'kpi_name': 'meetings_held', 'numerator': 'meetings_held'},
    {'kpi_name': 'demos_held', 'numerator': 'demos_held'},
    {'kpi_name': 'total_activities', 'numerator': 'total_activities'},
    {'kpi_name': 'email_response_rate', 'numerator': 'emails_replied', 'denominator': 'emails_sent'},
    {'kpi_name': 'call_to_meeting_rate', 'numerator': 'meetings_booked', 'denominator': 'calls_made'},
    {'kpi_name': 'mql_to_sql_rate', 'numerator': 'sqls', 'denominator': 'mqls'},
    {'kpi_name': 'win_rate', 'numerator': 'opportunities_won', 'denominator': 'opportunities_created'},
    {'kpi_name': 'revenue', 'numerator': 'revenue'},
    {'kpi_name': 'deals_won', 'numerator': 'deals_won'},
    {'kpi_name': 'average_deal_size', 'numerator': 'revenue', 'denominator': 'deals_won_with_amount'},
    {'kpi_name': 'avg_sales_cycle_days', 'numerator': 'total_cycle_days', 'denominator': 'deals_won'},
    {'kpi_name': 'quota_attainment', 'numerator': 'revenue', 'denominator': 'quota_amount',
        'numerator_expression': 'quota_revenue', 'denominator_expression': 'quota_above_zero_amount',
        'where': 'has_quota'},
    {'kpi_name': 'weighted_pipeline', 'numerator': 'weighted_pipeline'},
] -%}

{%- set company_kpis = [
    {'kpi_name': 'leads_created', 'mart': 'kpi_lead_funnel', 'numerator': 'leads_created'},
    {'kpi_name': 'lead_conversion_rate', 'mart': 'kpi_lead_funnel', 'numerator': 'customers', 'denominator': 'leads_created'},
    {'kpi_name': 'cost_per_lead', 'mart': 'kpi_cost_per_lead', 'numerator': 'marketing_costs', 'denominator': 'leads_created'},
    {'kpi_name': 'upsell_rate', 'mart': 'kpi_upsell_rate', 'numerator': 'expansion_deals_won', 'denominator': 'deals_won'},
    {'kpi_name': 'mrr', 'mart': 'kpi_mrr_growth', 'numerator': 'mrr'},
    {'kpi_name': 'mrr_growth_rate', 'mart': 'kpi_mrr_growth', 'numerator': 'mrr_change', 'denominator': 'previous_mrr'},
    {'kpi_name': 'churn_rate', 'mart': 'kpi_churn_rate', 'numerator': 'churned_customers', 'denominator': 'customers_start'},
    {'kpi_name': 'retention_rate', 'mart': 'kpi_retention_rate', 'numerator': 'retained_customers', 'denominator': 'customers_start'},
    {'kpi_name': 'nps', 'mart': 'kpi_nps', 'numerator': 'net_promoters', 'denominator': 'responses'},
    {'kpi_name': 'cac', 'mart': 'kpi_cac', 'numerator': 'total_acquisition_costs', 'denominator': 'new_customers'},
    {'kpi_name': 'ltv', 'mart': 'kpi_customer_lifetime_value', 'numerator': 'ltv'},
    {'kpi_name': 'ltv_to_cac', 'mart': 'kpi_ltv_to_cac', 'numerator': 'ltv', 'denominator': 'cac'},
] -%}

with

months as (
    select * from {{ ref('dim_months') }}
),

users as (
    select * from {{ ref('dim_users') }}
),

user_parts as (
    select * from {{ ref('int_user_kpi_parts_aggregated') }}
),

team_quota_attainment as (
    select * from {{ ref('kpi_team_quota_attainment') }}
),

-- the person's parts of each KPI, with the person's current team
user_kpis as (
    {%- for kpi in user_kpis %}
    select
        '{{ kpi['kpi_name'] }}' as kpi_name,
        user_parts.user_id,
        coalesce(users.team_id, 'unknown') as team_id,
        '{{ kpi['numerator'] }}' as numerator_column,
        {{ "'" ~ kpi['denominator'] ~ "'" if kpi.get('denominator') else 'null' }} as denominator_column,
        cast({{ kpi.get('numerator_expression', kpi['numerator']) }} as {{ type_double() }}) as numerator,
        cast({{ kpi.get('denominator_expression', kpi.get('denominator', 'null')) }} as {{ type_double() }}) as denominator,
        user_parts.month_start
    from user_parts
    left join users
        on user_parts.user_id = users.user_id
    {%- if kpi.get('where') %}
    where {{ kpi['where'] }}
    {%- endif %}
    union all
    {%- endfor %}
    -- the reps at quota of each team (kpi_team_quota_attainment)
    select
        'pct_reps_at_quota' as kpi_name,
        cast(null as {{ dbt.type_string() }}) as user_id,
        team_id,
        'reps_at_quota' as numerator_column,
        'reps_with_quota' as denominator_column,
        cast(reps_at_quota as {{ type_double() }}) as numerator,
        cast(reps_with_quota as {{ type_double() }}) as denominator,
        month_start
    from team_quota_attainment
),

-- the company-level KPIs, summed over the finer grains of their marts
company_kpis as (
    {%- for kpi in company_kpis %}
    select
        '{{ kpi['kpi_name'] }}' as kpi_name,
        cast(null as {{ dbt.type_string() }}) as user_id,
        cast(null as {{ dbt.type_string() }}) as team_id,
        '{{ kpi['numerator'] }}' as numerator_column,
        {{ "'" ~ kpi['denominator'] ~ "'" if kpi.get('denominator') else 'null' }} as denominator_column,
        cast(sum({{ kpi['numerator'] }}) as {{ type_double() }}) as numerator,
        {%- if kpi.get('denominator') %}
        cast(sum({{ kpi['denominator'] }}) as {{ type_double() }}) as denominator,
        {%- else %}
        cast(null as {{ type_double() }}) as denominator,
        {%- endif %}
        month_start
    from {{ ref(kpi['mart']) }}
    group by month_start
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

-- every part, of people and of the company
all_kpis as (
    select * from user_kpis
    union all
    select * from company_kpis
),

-- inside the month spine
final as (
    select
        -- strings
        all_kpis.kpi_name,
        all_kpis.user_id,
        all_kpis.team_id,
        all_kpis.numerator_column,
        all_kpis.denominator_column,

        -- numerics
        all_kpis.numerator,
        all_kpis.denominator,

        -- dates
        all_kpis.month_start
    from all_kpis
    inner join months
        on all_kpis.month_start = months.month_start
)

select * from final
