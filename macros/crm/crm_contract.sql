{#- The raw CRM contract (raw_crm_contract.md) as data, written once: each table's columns
    in contract order with their contract type, its primary key, and the column ordering
    the versions of a re-synced record (none: the table has none, copies are ordered on
    their content). Contract types: text, timestamp, date, month (a date brought to the
    first day of its month), decimal, integer, boolean. python_tests/crm_contract.py is
    the tests' copy, checked against this one (test_contract_copies_agree). -#}
{% macro crm_contract() %}
    {%- set event_record = {'is_deleted': 'boolean', 'updated_at': 'timestamp'} -%}
    {{ return({
        'teams': {
            'columns': {'team_id': 'text', 'team_name': 'text', 'region': 'text'},
            'key': ['team_id'],
            'latest_by': none,
        },
        'users': {
            'columns': dict({
                'user_id': 'text', 'full_name': 'text', 'email': 'text', 'role': 'text',
                'team_id': 'text', 'manager_id': 'text', 'hired_on': 'date', 'terminated_on': 'date',
            }, **event_record),
            'key': ['user_id'],
            'latest_by': 'updated_at',
        },
        'accounts': {
            'columns': dict({
                'account_id': 'text', 'account_name': 'text', 'industry': 'text', 'segment': 'text',
                'country_code': 'text', 'employee_count': 'integer', 'owner_id': 'text',
                'created_at': 'timestamp',
            }, **event_record),
            'key': ['account_id'],
            'latest_by': 'updated_at',
        },
        'contacts': {
            'columns': dict({
                'contact_id': 'text', 'account_id': 'text', 'first_name': 'text', 'last_name': 'text',
                'email': 'text', 'phone': 'text', 'job_title': 'text', 'created_at': 'timestamp',
            }, **event_record),
            'key': ['contact_id'],
            'latest_by': 'updated_at',
        },
        'leads': {
            'columns': dict({
                'lead_id': 'text', 'created_at': 'timestamp', 'source_channel': 'text',
                'owner_id': 'text', 'contact_id': 'text', 'account_id': 'text',
                'mql_at': 'timestamp', 'sql_at': 'timestamp', 'disqualified_at': 'timestamp',
            }, **event_record),
            'key': ['lead_id'],
            'latest_by': 'updated_at',
        },
        'opportunities': {
            'columns': dict({
                'opportunity_id': 'text', 'account_id': 'text', 'lead_id': 'text', 'owner_id': 'text',
                'sdr_id': 'text', 'opportunity_type': 'text', 'created_at': 'timestamp',
                'expected_close_date': 'date', 'closed_at': 'timestamp', 'stage_name': 'text',
                'amount': 'decimal', 'currency_code': 'text', 'probability': 'decimal',
                'forecast_category': 'text', 'lost_reason': 'text',
            }, **event_record),
            'key': ['opportunity_id'],
            'latest_by': 'updated_at',
        },
        'opportunity_stage_history': {
            'columns': {'opportunity_id': 'text', 'stage_name': 'text', 'entered_at': 'timestamp'},
            'key': ['opportunity_id', 'stage_name', 'entered_at'],
            'latest_by': none,
        },
        'pipeline_stages': {
            'columns': {
                'stage_name': 'text', 'stage_order': 'integer', 'default_probability': 'decimal',
                'is_closed': 'boolean', 'is_won': 'boolean',
            },
            'key': ['stage_name'],
            'latest_by': none,
        },
        'activities': {
            'columns': {
                'activity_id': 'text', 'activity_type': 'text', 'direction': 'text', 'user_id': 'text',
                'occurred_at': 'timestamp', 'lead_id': 'text', 'contact_id': 'text', 'account_id': 'text',
                'opportunity_id': 'text', 'outcome': 'text', 'duration_seconds': 'integer',
                'is_deleted': 'boolean',
            },
            'key': ['activity_id'],
            'latest_by': none,
        },
        'subscriptions': {
            'columns': dict({
                'subscription_id': 'text', 'account_id': 'text', 'opportunity_id': 'text',
                'product_name': 'text', 'started_on': 'date', 'ended_on': 'date',
                'mrr_amount': 'decimal', 'currency_code': 'text',
            }, **event_record),
            'key': ['subscription_id'],
            'latest_by': 'updated_at',
        },
        'quotas': {
            'columns': {'user_id': 'text', 'quota_month': 'month', 'quota_amount': 'decimal', 'currency_code': 'text'},
            'key': ['user_id', 'quota_month'],
            'latest_by': none,
        },
        'acquisition_costs': {
            'columns': {
                'cost_id': 'text', 'cost_month': 'month', 'department': 'text', 'category': 'text',
                'channel': 'text', 'amount': 'decimal', 'currency_code': 'text',
            },
            'key': ['cost_id'],
            'latest_by': none,
        },
        'nps_responses': {
            'columns': {
                'response_id': 'text', 'account_id': 'text', 'contact_id': 'text',
                'responded_at': 'timestamp', 'score': 'integer',
            },
            'key': ['response_id'],
            'latest_by': none,
        },
        'exchange_rates': {
            'columns': {'rate_month': 'month', 'from_currency': 'text', 'to_currency': 'text', 'rate': 'decimal'},
            'key': ['rate_month', 'from_currency', 'to_currency'],
            'latest_by': none,
        },
    }) }}
{% endmacro %}
