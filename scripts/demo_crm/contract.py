"""The tables of ../shared/spec/raw_crm_contract.md and their columns, in contract order
(python_tests/crm_contract.py holds the same tables with their types and keys)."""

COLUMNS = {
    "teams": ("team_id", "team_name", "region"),
    "users": ("user_id", "full_name", "email", "role", "team_id", "manager_id", "hired_on", "terminated_on",
              "is_deleted", "updated_at"),
    "accounts": ("account_id", "account_name", "industry", "segment", "country_code", "employee_count",
                 "owner_id", "created_at", "is_deleted", "updated_at"),
    "contacts": ("contact_id", "account_id", "first_name", "last_name", "email", "phone", "job_title",
                 "created_at", "is_deleted", "updated_at"),
    "leads": ("lead_id", "created_at", "source_channel", "owner_id", "contact_id", "account_id", "mql_at",
              "sql_at", "disqualified_at", "is_deleted", "updated_at"),
    "opportunities": ("opportunity_id", "account_id", "lead_id", "owner_id", "sdr_id", "opportunity_type",
                      "created_at", "expected_close_date", "closed_at", "stage_name", "amount", "currency_code",
                      "probability", "forecast_category", "lost_reason", "is_deleted", "updated_at"),
    "opportunity_stage_history": ("opportunity_id", "stage_name", "entered_at"),
    "pipeline_stages": ("stage_name", "stage_order", "default_probability", "is_closed", "is_won"),
    "activities": ("activity_id", "activity_type", "direction", "user_id", "occurred_at", "lead_id",
                   "contact_id", "account_id", "opportunity_id", "outcome", "duration_seconds", "is_deleted"),
    "subscriptions": ("subscription_id", "account_id", "opportunity_id", "product_name", "started_on",
                      "ended_on", "mrr_amount", "currency_code", "is_deleted", "updated_at"),
    "quotas": ("user_id", "quota_month", "quota_amount", "currency_code"),
    "acquisition_costs": ("cost_id", "cost_month", "department", "category", "channel", "amount",
                          "currency_code"),
    "nps_responses": ("response_id", "account_id", "contact_id", "responded_at", "score"),
    "exchange_rates": ("rate_month", "from_currency", "to_currency", "rate"),
}
TABLES = list(COLUMNS)
