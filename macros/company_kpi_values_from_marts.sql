{#- Test helper: the company's monthly value of each KPI of the catalogue, computed straight
    from its KPI mart (the mart's numerator and denominator columns summed over all its
    rows of the month, then divided). The scorecard tests compare kpi_scorecard and
    manager_scorecard with it, and check the catalogue names the same columns.
    Columns: kpi_name, source_mart, numerator_column, denominator_column, numerator,
    denominator, value, month_start. A sixth element, when present, filters the mart's rows
    (quota attainment counts the reps with a quota above 0, as kpi_team_quota_attainment). -#}
{% macro company_kpi_values_from_marts() -%}
    {%- set kpis = [
        ('calls_made', 'kpi_activity_volume', 'calls_made', none, 1),
        ('emails_sent', 'kpi_activity_volume', 'emails_sent', none, 1),
        ('linkedin_touches', 'kpi_activity_volume', 'linkedin_touches', none, 1),
        ('meetings_held', 'kpi_activity_volume', 'meetings_held', none, 1),
        ('demos_held', 'kpi_activity_volume', 'demos_held', none, 1),
        ('total_activities', 'kpi_activity_volume', 'total_activities', none, 1),
        ('email_response_rate', 'kpi_email_response_rate', 'emails_replied', 'emails_sent', 100),
        ('call_to_meeting_rate', 'kpi_call_to_meeting_rate', 'meetings_booked', 'calls_made', 100),
        ('leads_created', 'kpi_lead_funnel', 'leads_created', none, 1),
        ('mql_to_sql_rate', 'kpi_mql_to_sql_rate', 'sqls', 'mqls', 100),
        ('lead_conversion_rate', 'kpi_lead_funnel', 'customers', 'leads_created', 100),
        ('win_rate', 'kpi_win_rate', 'opportunities_won', 'opportunities_created', 100),
        ('cost_per_lead', 'kpi_cost_per_lead', 'marketing_costs', 'leads_created', 1),
        ('revenue', 'kpi_revenue', 'revenue', none, 1),
        ('deals_won', 'kpi_revenue', 'deals_won', none, 1),
        ('average_deal_size', 'kpi_average_deal_size', 'revenue', 'deals_won_with_amount', 1),
        ('avg_sales_cycle_days', 'kpi_sales_cycle_length', 'total_cycle_days', 'deals_won', 1),
        ('quota_attainment', 'kpi_quota_attainment', 'revenue', 'quota_amount', 100, 'quota_amount > 0'),
        ('pct_reps_at_quota', 'kpi_team_quota_attainment', 'reps_at_quota', 'reps_with_quota', 100),
        ('upsell_rate', 'kpi_upsell_rate', 'expansion_deals_won', 'deals_won', 100),
        ('weighted_pipeline', 'kpi_sales_forecast', 'weighted_pipeline', none, 1),
        ('mrr', 'kpi_mrr_growth', 'mrr', none, 1),
        ('mrr_growth_rate', 'kpi_mrr_growth', 'mrr_change', 'previous_mrr', 100),
        ('churn_rate', 'kpi_churn_rate', 'churned_customers', 'customers_start', 100),
        ('retention_rate', 'kpi_retention_rate', 'retained_customers', 'customers_start', 100),
        ('nps', 'kpi_nps', 'net_promoters', 'responses', 100),
        ('cac', 'kpi_cac', 'total_acquisition_costs', 'new_customers', 1),
        ('ltv', 'kpi_customer_lifetime_value', 'ltv', none, 1),
        ('ltv_to_cac', 'kpi_ltv_to_cac', 'ltv', 'cac', 1),
    ] -%}
    {%- for kpi in kpis %}
    {%- set kpi_name, mart, numerator, denominator, scale = kpi[:5] %}
    {%- set condition = kpi[5] if kpi | length > 5 else none %}
    select
        '{{ kpi_name }}' as kpi_name,
        '{{ mart }}' as source_mart,
        '{{ numerator }}' as numerator_column,
        {{ "'" ~ denominator ~ "'" if denominator else 'null' }} as denominator_column,
        sum({{ numerator }}) as numerator,
        {%- if denominator %}
        sum({{ denominator }}) as denominator,
        {{ safe_divide(scale ~ ' * sum(' ~ numerator ~ ')', 'sum(' ~ denominator ~ ')') }} as value,
        {%- else %}
        cast(null as {{ type_double() }}) as denominator,
        sum({{ numerator }}) as value,
        {%- endif %}
        month_start
    from {{ ref(mart) }}
    {%- if condition %}
    where {{ condition }}
    {%- endif %}
    group by month_start
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{%- endmacro %}
