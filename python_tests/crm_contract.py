"""The raw CRM contract (spec/raw_crm_contract.md) as data: every table, its columns in
contract order with their contract type, and its primary key.

The test harness creates every one of these tables with every column typed VARCHAR, as a
loader delivering text would.
"""

CONTRACT = {
    "teams": {
        "columns": {
            "team_id": "text",
            "team_name": "text",
            "region": "text",
        },
        "key": ["team_id"],
    },
    "users": {
        "columns": {
            "user_id": "text",
            "full_name": "text",
            "email": "text",
            "role": "text",
            "team_id": "text",
            "manager_id": "text",
            "hired_on": "date",
            "terminated_on": "date",
            "is_deleted": "boolean",
            "updated_at": "timestamp",
        },
        "key": ["user_id"],
    },
    "accounts": {
        "columns": {
            "account_id": "text",
            "account_name": "text",
            "industry": "text",
            "segment": "text",
            "country_code": "text",
            "employee_count": "integer",
            "owner_id": "text",
            "created_at": "timestamp",
            "is_deleted": "boolean",
            "updated_at": "timestamp",
        },
        "key": ["account_id"],
    },
    "contacts": {
        "columns": {
            "contact_id": "text",
            "account_id": "text",
            "first_name": "text",
            "last_name": "text",
            "email": "text",
            "phone": "text",
            "job_title": "text",
            "created_at": "timestamp",
            "is_deleted": "boolean",
            "updated_at": "timestamp",
        },
        "key": ["contact_id"],
    },
    "leads": {
        "columns": {
            "lead_id": "text",
            "created_at": "timestamp",
            "source_channel": "text",
            "owner_id": "text",
            "contact_id": "text",
            "account_id": "text",
            "mql_at": "timestamp",
            "sql_at": "timestamp",
            "disqualified_at": "timestamp",
            "is_deleted": "boolean",
            "updated_at": "timestamp",
        },
        "key": ["lead_id"],
    },
    "opportunities": {
        "columns": {
            "opportunity_id": "text",
            "account_id": "text",
            "lead_id": "text",
            "owner_id": "text",
            "sdr_id": "text",
            "opportunity_type": "text",
            "created_at": "timestamp",
            "expected_close_date": "date",
            "closed_at": "timestamp",
            "stage_name": "text",
            "amount": "decimal",
            "currency_code": "text",
            "probability": "decimal",
            "forecast_category": "text",
            "lost_reason": "text",
            "is_deleted": "boolean",
            "updated_at": "timestamp",
        },
        "key": ["opportunity_id"],
    },
    "opportunity_stage_history": {
        "columns": {
            "opportunity_id": "text",
            "stage_name": "text",
            "entered_at": "timestamp",
        },
        "key": ["opportunity_id", "stage_name", "entered_at"],
    },
    "pipeline_stages": {
        "columns": {
            "stage_name": "text",
            "stage_order": "integer",
            "default_probability": "decimal",
            "is_closed": "boolean",
            "is_won": "boolean",
        },
        "key": ["stage_name"],
    },
    "activities": {
        "columns": {
            "activity_id": "text",
            "activity_type": "text",
            "direction": "text",
            "user_id": "text",
            "occurred_at": "timestamp",
            "lead_id": "text",
            "contact_id": "text",
            "account_id": "text",
            "opportunity_id": "text",
            "outcome": "text",
            "duration_seconds": "integer",
            "is_deleted": "boolean",
        },
        "key": ["activity_id"],
    },
    "subscriptions": {
        "columns": {
            "subscription_id": "text",
            "account_id": "text",
            "opportunity_id": "text",
            "product_name": "text",
            "started_on": "date",
            "ended_on": "date",
            "mrr_amount": "decimal",
            "currency_code": "text",
            "is_deleted": "boolean",
            "updated_at": "timestamp",
        },
        "key": ["subscription_id"],
    },
    "quotas": {
        "columns": {
            "user_id": "text",
            "quota_month": "date",
            "quota_amount": "decimal",
            "currency_code": "text",
        },
        "key": ["user_id", "quota_month"],
    },
    "acquisition_costs": {
        "columns": {
            "cost_id": "text",
            "cost_month": "date",
            "department": "text",
            "category": "text",
            "channel": "text",
            "amount": "decimal",
            "currency_code": "text",
        },
        "key": ["cost_id"],
    },
    "nps_responses": {
        "columns": {
            "response_id": "text",
            "account_id": "text",
            "contact_id": "text",
            "responded_at": "timestamp",
            "score": "integer",
        },
        "key": ["response_id"],
    },
    "exchange_rates": {
        "columns": {
            "rate_month": "date",
            "from_currency": "text",
            "to_currency": "text",
            "rate": "decimal",
        },
        "key": ["rate_month", "from_currency", "to_currency"],
    },
}

TABLES = list(CONTRACT)
assert len(TABLES) == 14
