{#- One row per person (user_id as the marts have it) and month: the parts of every KPI
    attributed to a person, summed over the finer grains of their marts (segment,
    opportunity type, source channel, forecast category). Shared by the SDR and AE
    scorecards and by kpi_scorecard's team and user scopes. Each part comes from exactly
    one mart: emails_sent and calls_made from kpi_activity_volume (the same counts as in
    kpi_email_response_rate and kpi_call_to_meeting_rate), revenue and deals_won from
    kpi_revenue. -#}

{%- set parts = {
    'kpi_activity_volume': {
        'user_column': 'user_id',
        'columns': {
            'calls_made': 'calls_made',
            'emails_sent': 'emails_sent',
            'linkedin_touches': 'linkedin_touches',
            'meetings_held': 'meetings_held',
            'demos_held': 'demos_held',
            'total_activities': 'total_activities',
        },
    },
    'kpi_email_response_rate': {
        'user_column': 'user_id',
        'columns': {'emails_replied': 'emails_replied'},
    },
    'kpi_call_to_meeting_rate': {
        'user_column': 'user_id',
        'columns': {'meetings_booked': 'meetings_booked'},
    },
    'kpi_mql_to_sql_rate': {
        'user_column': 'owner_id',
        'columns': {'mqls': 'mqls', 'sqls': 'sqls'},
    },
    'kpi_win_rate': {
        'user_column': 'owner_id',
        'columns': {
            'opportunities_created': 'opportunities_created',
            'opportunities_won': 'opportunities_won',
            'opportunities_lost': 'opportunities_lost',
        },
    },
    'kpi_revenue': {
        'user_column': 'owner_id',
        'columns': {'deals_won': 'deals_won', 'revenue': 'revenue'},
    },
    'kpi_average_deal_size': {
        'user_column': 'owner_id',
        'columns': {'deals_won_with_amount': 'deals_won_with_amount'},
    },
    'kpi_sales_cycle_length': {
        'user_column': 'owner_id',
        'columns': {'total_cycle_days': 'total_cycle_days'},
    },
    'kpi_quota_attainment': {
        'user_column': 'user_id',
        'columns': {
            'quotas': '1',
            'quota_amount': 'quota_amount',
            'quota_revenue': 'case when quota_amount > 0 then revenue else 0 end',
            'quota_above_zero_amount': 'case when quota_amount > 0 then quota_amount else 0 end',
        },
    },
    'kpi_sales_forecast': {
        'user_column': 'owner_id',
        'columns': {
            'open_opportunities': 'open_opportunities',
            'weighted_pipeline': 'weighted_pipeline',
        },
    },
} -%}

{%- set part_columns = [] -%}
{%- for mart in parts.values() -%}
    {%- for column in mart['columns'] -%}
        {%- do part_columns.append(column) -%}
    {%- endfor -%}
{%- endfor -%}

with

-- every mart's parts stacked, each mart filling its own columns (0 elsewhere)
stacked as (
    {%- for mart, spec in parts.items() %}
    select
        {{ spec['user_column'] }} as user_id,
        month_start,
        {%- for column in part_columns %}
        {{ spec['columns'].get(column, '0') }} as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ ref(mart) }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

-- summed to the person and month
final as (
    select
        -- ids
        user_id,

        -- numerics
        {%- for column in part_columns %}
        sum({{ column }}) as {{ column }},
        {%- endfor %}

        -- booleans
        sum(quotas) > 0 as has_quota,

        -- dates
        month_start
    from stacked
    group by user_id, month_start
)

select * from final
