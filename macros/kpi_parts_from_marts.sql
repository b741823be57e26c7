{#- The parts of every KPI of the catalogue, month by month, straight from its KPI mart:
    the mart's numerator and denominator columns (kpis.md, kpi_scorecard) summed over the
    mart's rows of the month — per person too when by_person is true and the KPI is
    attributed to people (a user for the rep's KPIs, a team for pct_reps_at_quota). The one
    place that says which mart columns make each KPI: int_kpi_parts_unioned reads it by
    person, the scorecard tests by month, and a test checks that kpi_catalog names the
    same mart and columns. A select with the columns kpi_name, source_mart,
    numerator_column, denominator_column, user_id, team_id, numerator, denominator,
    month_start (user_id and team_id null at company level). -#}
{% macro kpi_parts_from_marts(by_person=false) -%}
    {#- kpi_name, mart, numerator, denominator, person (scope and column), condition -#}
    {%- set kpis = [
        ('calls_made', 'kpi_activity_volume', 'calls_made', none, ('user', 'user_id')),
        ('emails_sent', 'kpi_activity_volume', 'emails_sent', none, ('user', 'user_id')),
        ('linkedin_touches', 'kpi_activity_volume', 'linkedin_touches', none, ('user', 'user_id')),
        ('meetings_held', 'kpi_activity_volume', 'meetings_held', none, ('user', 'user_id')),
        ('demos_held', 'kpi_activity_volume', 'demos_held', none, ('user', 'user_id')),
        ('total_activities', 'kpi_activity_volume', 'total_activities', none, ('user', 'user_id')),
        ('email_response_rate', 'kpi_email_response_rate', 'emails_replied', 'emails_sent', ('user', 'user_id')),
        ('call_to_meeting_rate', 'kpi_call_to_meeting_rate', 'meetings_booked', 'calls_made', ('user', 'user_id')),
        ('leads_created', 'kpi_lead_funnel', 'leads_created', none, none),
        ('mql_to_sql_rate', 'kpi_mql_to_sql_rate', 'sqls', 'mqls', ('user', 'owner_id')),
        ('lead_conversion_rate', 'kpi_lead_funnel', 'customers', 'leads_created', none),
        ('win_rate', 'kpi_win_rate', 'opportunities_won', 'opportunities_created', ('user', 'owner_id')),
        ('cost_per_lead', 'kpi_cost_per_lead', 'marketing_costs', 'leads_created', none),
        ('revenue', 'kpi_revenue', 'revenue', none, ('user', 'owner_id')),
        ('deals_won', 'kpi_revenue', 'deals_won', none, ('user', 'owner_id')),
        ('average_deal_size', 'kpi_average_deal_size', 'revenue', 'deals_won_with_amount', ('user', 'owner_id')),
        ('avg_sales_cycle_days', 'kpi_sales_cycle_length', 'total_cycle_days', 'deals_won', ('user', 'owner_id')),
        ('quota_attainment', 'kpi_quota_attainment', 'revenue', 'quota_amount', ('user', 'user_id'), 'quota_amount > 0'),
        ('pct_reps_at_quota', 'kpi_team_quota_attainment', 'reps_at_quota', 'reps_with_quota', ('team', 'team_id')),
        ('upsell_rate', 'kpi_upsell_rate', 'expansion_deals_won', 'deals_won', none),
        ('weighted_pipeline', 'kpi_sales_forecast', 'weighted_pipeline', none, ('user', 'owner_id')),
        ('mrr', 'kpi_mrr_growth', 'mrr', none, none),
        ('mrr_growth_rate', 'kpi_mrr_growth', 'mrr_change', 'previous_mrr', none),
        ('churn_rate', 'kpi_churn_rate', 'churned_customers', 'customers_start', none),
        ('retention_rate', 'kpi_retention_rate', 'retained_customers', 'customers_start', none),
        ('nps', 'kpi_nps', 'net_promoters', 'responses', none),
        ('cac', 'kpi_cac', 'total_acquisition_costs', 'new_customers', none),
        ('ltv', 'kpi_customer_lifetime_value', 'ltv', none, none),
        ('ltv_to_cac', 'kpi_ltv_to_cac', 'ltv', 'cac', none),
    ] -%}
    {%- for kpi in kpis %}
    {%- set kpi_name, mart, numerator, denominator, person = kpi[:5] %}
    {%- set condition = kpi[5] if kpi | length > 5 else none %}
    {%- set person_column = person[1] if by_person and person else none %}
    select
        '{{ kpi_name }}' as kpi_name,
        '{{ mart }}' as source_mart,
        '{{ numerator }}' as numerator_column,
        {{ "'" ~ denominator ~ "'" if denominator else 'cast(null as ' ~ dbt.type_string() ~ ')' }} as denominator_column,
        {{ person_column if person_column and person[0] == 'user' else 'cast(null as ' ~ dbt.type_string() ~ ')' }} as user_id,
        {{ person_column if person_column and person[0] == 'team' else 'cast(null as ' ~ dbt.type_string() ~ ')' }} as team_id,
        cast(sum({{ numerator }}) as {{ type_double() }}) as numerator,
        {%- if denominator %}
        cast(sum({{ denominator }}) as {{ type_double() }}) as denominator,
        {%- else %}
        cast(null as {{ type_double() }}) as denominator,
        {%- endif %}
        month_start
    from {{ ref(mart) }}
    {%- if condition %}
    where {{ condition }}
    {%- endif %}
    group by month_start{{ ', ' ~ person_column if person_column }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{%- endmacro %}
