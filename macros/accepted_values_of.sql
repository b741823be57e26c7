{#- Every list of allowed values of the project, written once: the raw contract's enumerated
    columns (raw_crm_contract.md; staging quarantines any other value), the quarantine
    reasons (data_quality.md) and the values the project's own models produce. Staging and
    the generic test in_accepted_values read it; no YAML lists values. -#}
{% macro accepted_values_of(list_name) -%}
    {%- set lists = {
        'role': ['sdr', 'ae', 'manager'],
        'segment': ['smb', 'mid_market', 'enterprise'],
        'source_channel': ['inbound', 'outbound', 'linkedin', 'referral', 'event', 'paid_ads', 'partner'],
        'opportunity_type': ['new_business', 'upsell', 'cross_sell', 'renewal'],
        'forecast_category': ['pipeline', 'best_case', 'commit', 'omitted', 'closed'],
        'activity_type': ['call', 'email', 'linkedin_visit', 'linkedin_message', 'meeting', 'demo'],
        'direction': ['outbound', 'inbound'],
        'department': ['marketing', 'sales'],
        'quarantine_reason': [
            'missing_id', 'invalid_value', 'duplicate', 'out_of_range', 'inconsistent_dates',
            'missing_close_date', 'orphan_history',
        ],
        'deal_status': ['won', 'lost', 'open'],
        'customer_movement': ['new', 'reactivation', 'expansion', 'contraction', 'churned', 'unchanged'],
        'ltv_to_cac_health': ['unprofitable', 'below_target', 'healthy', 'under_investing'],
        'kpi_family': ['activity', 'efficiency', 'results', 'retention'],
        'kpi_unit': ['count', 'percent', 'currency', 'days', 'score', 'ratio'],
        'kpi_direction': ['higher_is_better', 'lower_is_better'],
        'kpi_aggregation': ['additive', 'point_in_time', 'period_change'],
        'cohort_lag': ['sales_cycle', 'mql_to_sql', 'lead_to_customer'],
        'kpi_status': ['on_track', 'at_risk', 'off_track', 'no_target', 'no_data'],
        'period_grain': ['month', 'quarter', 'year'],
        'scope_type': ['company', 'team', 'user'],
    } -%}
    {%- if list_name not in lists -%}
        {{ exceptions.raise_compiler_error('accepted_values_of: no list named ' ~ list_name) }}
    {%- endif -%}
    {{ return(lists[list_name]) }}
{%- endmacro %}
