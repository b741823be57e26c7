{#- The contract's allowed values of an enumerated column, written once for staging. -#}
{% macro crm_accepted_values(column_name) -%}
    {%- set accepted = {
        'role': ['sdr', 'ae', 'manager'],
        'segment': ['smb', 'mid_market', 'enterprise'],
        'source_channel': ['inbound', 'outbound', 'linkedin', 'referral', 'event', 'paid_ads', 'partner'],
        'opportunity_type': ['new_business', 'upsell', 'cross_sell', 'renewal'],
        'forecast_category': ['pipeline', 'best_case', 'commit', 'omitted', 'closed'],
        'activity_type': ['call', 'email', 'linkedin_visit', 'linkedin_message', 'meeting', 'demo'],
        'direction': ['outbound', 'inbound'],
        'department': ['marketing', 'sales'],
    } -%}
    {{ return(accepted[column_name]) }}
{%- endmacro %}
