{{ config(materialized='table') }}

{#- Every raw table staging reads, in contract order. -#}
{%- set crm_tables = [
    'teams', 'users', 'accounts', 'contacts', 'leads', 'opportunities',
    'opportunity_stage_history', 'pipeline_stages', 'activities', 'subscriptions',
    'quotas', 'acquisition_costs', 'nps_responses', 'exchange_rates',
] -%}

with

{% for crm_table in crm_tables -%}
base_{{ crm_table }} as (
    select * from {{ ref('base_crm__' ~ crm_table) }}
),

{% endfor -%}

-- every refused raw row with the first rule it broke; soft deletes are not refusals
quarantined as (
    {%- for crm_table in crm_tables %}
    select
        '{{ crm_table }}' as source_table,
        record_id,
        dq_reason as reason,
        version_rank
    from base_{{ crm_table }}
    where dq_reason is not null
        and dq_reason <> 'soft_deleted'
    {{ 'union all' if not loop.last }}
    {%- endfor %}
),

final as (
    select
        -- ids
        source_table,
        record_id,

        -- strings
        reason,

        -- numerics
        version_rank
    from quarantined
)

select * from final
