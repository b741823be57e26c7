"""The quarantine rules of spec/data_quality.md, on one small hand-made raw dataset.

Every table gets a few valid rows and, for rules 1-9 and 11, one bad record per case with a
telling id. The dataset is loaded as text into schema raw_test and the project is built on
it ONCE (module fixture `dq`); every test below asserts on that build.

Reminder of the order (data_quality.md): "A record gets the first reason that applies, in
this order: missing_id, unreadable value (invalid_value), duplicate, soft-deleted, value
outside its set (invalid_value), out_of_range, inconsistent_dates, missing_close_date,
orphan_history."
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from crm_contract import CONTRACT
from crm_rows import pipeline_stages, rows
from dbt_harness import build_project

# --------------------------------------------------------------------------------------
# The raw dataset (all text, as a loader delivers it). A key left out of a row is NULL.
# --------------------------------------------------------------------------------------


TEAMS = rows(
    {"region": "EMEA"},
    {"team_id": "T1", "team_name": "Paris Hunters"},
    {"team_id": "T2", "team_name": "New York Closers", "region": "NA"},
    # rule 2, a table without updated_at: identical copies -> one kept, one duplicate
    {"team_id": "TEAM-COPY", "team_name": "Copy Team"},
    {"team_id": "TEAM-COPY", "team_name": "Copy Team"},
)

USERS = rows(
    {"team_id": "T1", "manager_id": "U-MGR", "hired_on": "2023-01-02", "is_deleted": "false",
     "updated_at": "2024-01-01 00:00:00"},
    {"user_id": "U-MGR", "full_name": "Mona Manager", "email": "mona.manager@acme-sales.test",
     "role": "manager", "manager_id": None},
    {"user_id": "U-AE", "full_name": "Adam Executive", "email": "adam.exec@acme-sales.test", "role": "ae"},
    {"user_id": "U-SDR", "full_name": "Sara Developer", "email": "sara.sdr@acme-sales.test", "role": "sdr"},
    {"user_id": "U-AE2", "full_name": "Nora Newyork", "email": "nora.ny@acme-sales.test", "role": "ae",
     "team_id": "T2", "manager_id": None},
    # rule 1: soft-deleted
    {"user_id": "U-DEL", "full_name": "Dan Deleted", "email": "dan.deleted@acme-sales.test", "role": "sdr",
     "is_deleted": "true"},
    # rule 5: role outside its set
    {"user_id": "U-ROLE", "full_name": "Carl Ceo", "email": "carl.ceo@acme-sales.test", "role": "ceo"},
    # rule 5: null role ("null included")
    {"user_id": "U-ROLE-NULL", "full_name": "Nils Null", "email": "nils.null@acme-sales.test", "role": None},
    # rule 4: unreadable date
    {"user_id": "U-HIRED-BAD", "full_name": "Harry Hired", "email": "harry.hired@acme-sales.test", "role": "ae",
     "hired_on": "2024-13-45"},
)

ACCOUNTS = rows(
    {"industry": "software", "country_code": "FR", "employee_count": "120", "owner_id": "U-AE",
     "created_at": "2023-12-01 09:00:00", "is_deleted": "false", "updated_at": "2024-01-01 00:00:00"},
    {"account_id": "ACC-1", "account_name": "Alpha SAS", "segment": "smb"},
    {"account_id": "ACC-2", "account_name": "Beta Inc", "segment": "enterprise", "country_code": "US",
     "owner_id": "U-AE2"},
    # rule 5: segment outside its set
    {"account_id": "ACC-SEG", "account_name": "Huge Corp", "segment": "huge"},
    # rule 2: a re-sync; the latest updated_at (v2) is the truth, v1 is a duplicate
    {"account_id": "ACC-RESYNC", "account_name": "Resync Old Name", "segment": "smb",
     "updated_at": "2024-01-01 00:00:00"},
    {"account_id": "ACC-RESYNC", "account_name": "Resync New Name", "segment": "mid_market",
     "updated_at": "2024-02-01 00:00:00"},
    # rules 2 then 1: the latest version is soft-deleted -> record deleted, older copy duplicate
    {"account_id": "ACC-DEL-LATEST", "account_name": "Gone Ltd", "segment": "smb",
     "updated_at": "2024-01-01 00:00:00", "is_deleted": "false"},
    {"account_id": "ACC-DEL-LATEST", "account_name": "Gone Ltd", "segment": "smb",
     "updated_at": "2024-03-01 00:00:00", "is_deleted": "true"},
    # rule 4: an integer that cannot be read
    {"account_id": "ACC-EMPLOYEES", "account_name": "Many People", "segment": "smb", "employee_count": "many"},
)

CONTACTS = rows(
    {"job_title": "CTO", "created_at": "2023-12-05 09:00:00", "is_deleted": "false",
     "updated_at": "2024-01-01 00:00:00"},
    {"contact_id": "C-1", "account_id": "ACC-1", "first_name": "Alice", "last_name": "Martin",
     "email": "alice.martin@alpha.test", "phone": "+33 1 23 45 67 89"},
    {"contact_id": "C-2", "account_id": "ACC-2", "first_name": "Bob", "last_name": "Stone",
     "email": "bob.stone@beta.test", "phone": None},
    # rule 1
    {"contact_id": "C-DEL", "account_id": "ACC-1", "first_name": "Dora", "last_name": "Gone",
     "email": "dora.gone@alpha.test", "is_deleted": "true"},
    # rule 3: blank primary key (blank is read as null) -> missing_id, record_id null
    {"contact_id": "   ", "account_id": "ACC-1", "first_name": "Blank", "last_name": "Id",
     "email": "blank.id@alpha.test"},
    # rule 9: points to an account that never existed -> kept as given
    {"contact_id": "C-ORPHAN-ACC", "account_id": "ACC-GHOST", "first_name": "Otto", "last_name": "Orphan",
     "email": "otto.orphan@ghost.test"},
)

LEADS = rows(
    {"owner_id": "U-SDR", "created_at": "2024-01-05 09:00:00", "is_deleted": "false",
     "updated_at": "2024-02-01 00:00:00"},
    {"lead_id": "L-1", "source_channel": "inbound", "contact_id": "C-1", "account_id": "ACC-1",
     "mql_at": "2024-01-06 09:00:00", "sql_at": "2024-01-10 09:00:00"},
    # blank strings are read as null: a blank mql_at is a missing mql_at, not an unreadable one
    {"lead_id": "L-2", "source_channel": "outbound", "account_id": "ACC-2", "mql_at": "  ",
     "sql_at": "2024-01-15 09:00:00"},
    # rule 5
    {"lead_id": "LEAD-CHANNEL", "source_channel": "tv"},
    # rule 7: mql_at before created_at
    {"lead_id": "LEAD-MQL-EARLY", "source_channel": "inbound", "created_at": "2024-02-10 10:00:00",
     "mql_at": "2024-02-01 10:00:00"},
    # rule 7: sql_at before created_at
    {"lead_id": "LEAD-SQL-EARLY", "source_channel": "outbound", "created_at": "2024-02-10 10:00:00",
     "sql_at": "2024-02-09 10:00:00"},
    # rule 1
    {"lead_id": "LEAD-DEL", "source_channel": "inbound", "is_deleted": "true"},
    # rule 9: owner is a soft-deleted user -> kept, owner_id as given
    {"lead_id": "LEAD-ORPHAN-OWNER", "source_channel": "referral", "owner_id": "U-DEL"},
    # rule 4: a timestamp that does not exist (30 February)
    {"lead_id": "LEAD-BAD-TS", "source_channel": "event", "created_at": "2024-02-30 10:00:00"},
)

# stage_order 1-3 open, 4 closed_won (100), 5 closed_lost (0)
PIPELINE_STAGES = pipeline_stages(("prospecting", 10), ("proposal", 50), ("negotiation", 75)) + [
    # a won stage that is not closed: its deals would be both won and open -> invalid_value
    {"stage_name": "won_pending", "stage_order": "6", "default_probability": "100", "is_closed": "false",
     "is_won": "true"},
]

OPPORTUNITIES = rows(
    {"account_id": "ACC-1", "owner_id": "U-AE", "sdr_id": "U-SDR", "opportunity_type": "new_business",
     "created_at": "2024-01-20 10:00:00", "expected_close_date": "2024-03-29", "stage_name": "proposal",
     "amount": "1000", "currency_code": "EUR", "forecast_category": "pipeline", "is_deleted": "false",
     "updated_at": "2024-02-01 00:00:00"},
    {"opportunity_id": "OPP-WON", "lead_id": "L-1", "stage_name": "closed_won",
     "closed_at": "2024-02-15 10:00:00", "amount": "10000", "forecast_category": "closed"},
    # blank lost_reason -> null
    {"opportunity_id": "OPP-OPEN", "account_id": "ACC-2", "owner_id": "U-AE2", "amount": "5000",
     "probability": "40", "lost_reason": ""},
    {"opportunity_id": "OPP-LOST", "stage_name": "closed_lost", "closed_at": "2024-02-20 10:00:00",
     "amount": "2000", "forecast_category": "closed", "lost_reason": "price"},
    # rule 2: re-sync, v2 (latest updated_at, amount 2000) kept, v1 duplicate
    {"opportunity_id": "OPP-DUP", "amount": "1000", "updated_at": "2024-01-01 00:00:00"},
    {"opportunity_id": "OPP-DUP", "amount": "2000", "updated_at": "2024-02-01 00:00:00"},
    # precedence: the older copy also has a negative amount -> duplicate (rule 2 before rule 6)
    {"opportunity_id": "OPP-DUP-NEG", "amount": "-50", "updated_at": "2024-01-01 00:00:00"},
    {"opportunity_id": "OPP-DUP-NEG", "amount": "3000", "updated_at": "2024-03-01 00:00:00"},
    # rule 4: unreadable amount and unreadable date
    {"opportunity_id": "OPP-AMOUNT-TEXT", "amount": "12,5k"},
    {"opportunity_id": "OPP-CLOSE-DATE-BAD", "expected_close_date": "2024-13-45"},
    # rule 5
    {"opportunity_id": "OPP-TYPE", "opportunity_type": "barter"},
    {"opportunity_id": "OPP-TYPE-NULL", "opportunity_type": None},
    {"opportunity_id": "OPP-FORECAST", "forecast_category": "maybe"},
    {"opportunity_id": "OPP-STAGE", "stage_name": "haggling"},
    # rule 6
    {"opportunity_id": "OPP-NEG", "amount": "-100"},
    {"opportunity_id": "OPP-PROB", "probability": "101"},
    # rule 7: closed before it was created
    {"opportunity_id": "OPP-CLOSED-EARLY", "stage_name": "closed_lost", "closed_at": "2024-01-10 10:00:00",
     "forecast_category": "closed"},
    # rule 8: a closed stage without closed_at
    {"opportunity_id": "OPP-NO-CLOSE", "stage_name": "closed_won", "forecast_category": "closed"},
    # rule 1
    {"opportunity_id": "OPP-DEL", "is_deleted": "true"},
    # precedence: soft-deleted AND type outside its set -> deleted (soft delete before rule 5)
    {"opportunity_id": "OPP-DEL-BADTYPE", "opportunity_type": "barter", "is_deleted": "true"},
    # precedence: type outside its set AND negative amount -> invalid_value (rule 5 before 6)
    {"opportunity_id": "OPP-TYPE-NEG", "opportunity_type": "barter", "amount": "-100"},
    # precedence: negative amount AND closed before created -> out_of_range (rule 6 before 7)
    {"opportunity_id": "OPP-NEG-EARLY", "stage_name": "closed_lost", "amount": "-100",
     "closed_at": "2024-01-10 10:00:00", "forecast_category": "closed"},
    # rule 9: account and owner that never existed -> kept as given
    {"opportunity_id": "OPP-ORPHAN-ACC", "account_id": "ACC-GHOST", "owner_id": "U-GHOST"},
)

OPPORTUNITY_STAGE_HISTORY = [
    {"opportunity_id": "OPP-WON", "stage_name": "prospecting", "entered_at": "2024-01-20 10:00:00"},
    {"opportunity_id": "OPP-WON", "stage_name": "proposal", "entered_at": "2024-01-25 10:00:00"},
    {"opportunity_id": "OPP-WON", "stage_name": "closed_won", "entered_at": "2024-02-15 10:00:00"},
    # rule 11: two stages entered at the same instant are a tie to order, not an error
    {"opportunity_id": "OPP-OPEN", "stage_name": "prospecting", "entered_at": "2024-01-20 10:00:00"},
    {"opportunity_id": "OPP-OPEN", "stage_name": "proposal", "entered_at": "2024-01-20 10:00:00"},
    # rule 2 in a table without updated_at: identical copies -> one kept, one duplicate
    {"opportunity_id": "OPP-LOST", "stage_name": "prospecting", "entered_at": "2024-01-20 10:00:00"},
    {"opportunity_id": "OPP-LOST", "stage_name": "prospecting", "entered_at": "2024-01-20 10:00:00"},
    {"opportunity_id": "OPP-LOST", "stage_name": "closed_lost", "entered_at": "2024-02-20 10:00:00"},
    # rule 11: history of an opportunity that never existed / is soft-deleted / is quarantined
    {"opportunity_id": "OPP-GHOST", "stage_name": "prospecting", "entered_at": "2024-01-10 10:00:00"},
    {"opportunity_id": "OPP-DEL", "stage_name": "prospecting", "entered_at": "2024-01-20 10:00:00"},
    {"opportunity_id": "OPP-NEG", "stage_name": "prospecting", "entered_at": "2024-01-20 10:00:00"},
    # rule 5: a stage missing from pipeline_stages
    {"opportunity_id": "OPP-OPEN", "stage_name": "haggling", "entered_at": "2024-01-21 10:00:00"},
    # precedence: unknown stage AND orphan -> invalid_value (rule 5 before rule 11)
    {"opportunity_id": "OPP-GHOST", "stage_name": "haggling", "entered_at": "2024-01-11 10:00:00"},
]

ACTIVITIES = rows(
    {"user_id": "U-SDR", "occurred_at": "2024-01-15 10:00:00", "account_id": "ACC-1", "is_deleted": "false",
     "activity_type": "call", "direction": "outbound", "outcome": "connected", "duration_seconds": "120"},
    {"activity_id": "A-CALL"},
    {"activity_id": "A-EMAIL", "activity_type": "email", "outcome": "replied", "duration_seconds": None},
    {"activity_id": "A-MEET", "activity_type": "meeting", "direction": "inbound", "outcome": "completed",
     "opportunity_id": "OPP-WON", "user_id": "U-AE", "duration_seconds": "1800"},
    # rule 5
    {"activity_id": "ACT-FAX", "activity_type": "fax"},
    {"activity_id": "ACT-DIR", "direction": "sideways"},
    {"activity_id": "ACT-DIR-NULL", "direction": None},
    # rule 1
    {"activity_id": "ACT-DEL", "is_deleted": "true"},
    # rule 9: a user that never existed -> kept as given
    {"activity_id": "ACT-GHOST-USER", "user_id": "U-GHOST"},
    # rule 5: "Activity outcome is free text: not checked" -> kept
    {"activity_id": "ACT-FREE-OUTCOME", "outcome": "left a message with the receptionist"},
    # rule 2, no updated_at: identical copies -> one kept, one duplicate
    {"activity_id": "ACT-COPY", "occurred_at": "2024-01-16 10:00:00"},
    {"activity_id": "ACT-COPY", "occurred_at": "2024-01-16 10:00:00"},
    # rule 4: unreadable integer
    {"activity_id": "ACT-DURATION", "duration_seconds": "2 min"},
)

SUBSCRIPTIONS = rows(
    {"account_id": "ACC-1", "opportunity_id": "OPP-WON", "product_name": "Platform", "started_on": "2024-02-15",
     "mrr_amount": "500", "currency_code": "EUR", "is_deleted": "false", "updated_at": "2024-02-15 00:00:00"},
    {"subscription_id": "SUB-1"},
    {"subscription_id": "SUB-2", "account_id": "ACC-2", "opportunity_id": None, "started_on": "2024-01-01",
     "ended_on": "2024-03-01", "mrr_amount": "300"},
    # rule 7: ended before it started
    {"subscription_id": "SUB-ENDED-EARLY", "started_on": "2024-02-01", "ended_on": "2024-01-01"},
    # rule 4: unreadable date
    {"subscription_id": "SUB-START-BAD", "started_on": "2024-13-45"},
    # rule 6
    {"subscription_id": "SUB-NEG", "mrr_amount": "-10"},
    # rule 1
    {"subscription_id": "SUB-DEL", "is_deleted": "true"},
)

QUOTAS = rows(
    {"quota_amount": "20000", "currency_code": "EUR"},
    {"user_id": "U-AE", "quota_month": "2024-01-01"},
    {"user_id": "U-AE", "quota_month": "2024-02-01"},
    # rule 2, composite key, no updated_at: identical copies -> one kept, one duplicate
    {"user_id": "U-SDR", "quota_month": "2024-01-01", "quota_amount": "5000"},
    {"user_id": "U-SDR", "quota_month": "2024-01-01", "quota_amount": "5000"},
    # rule 6: record_id is the composite key joined with '|'
    {"user_id": "U-AE", "quota_month": "2024-03-01", "quota_amount": "-5"},
    # rule 3: blank part of a composite key -> missing_id, record_id null
    {"user_id": "", "quota_month": "2024-01-01"},
    # quota_month is brought to the first day of its month: these two are one record (U-AE2,
    # 2024-02); no updated_at, so the copies are ranked on content: 8000 is kept
    {"user_id": "U-AE2", "quota_month": "2024-02-15", "quota_amount": "8000"},
    {"user_id": "U-AE2", "quota_month": "2024-02-01", "quota_amount": "9000"},
    # booked after the reported months, in a currency without any rate: no KPI uses it,
    # so it needs no rate and the build passes
    {"user_id": "U-AE", "quota_month": "2025-06-01", "currency_code": "GBP"},
)

ACQUISITION_COSTS = rows(
    {"cost_month": "2024-01-01", "currency_code": "EUR"},
    {"cost_id": "COST-ADS", "department": "marketing", "category": "ads", "channel": "inbound", "amount": "1000"},
    {"cost_id": "COST-SAL", "department": "sales", "category": "salaries", "channel": None, "amount": "5000"},
    # rule 5
    {"cost_id": "COST-DEPT", "department": "finance", "category": "tools", "amount": "100"},
    # rule 6
    {"cost_id": "COST-NEG", "department": "marketing", "category": "events", "channel": "event", "amount": "-1"},
    # booked after the reported months, in a currency without any rate: needs no rate
    {"cost_id": "COST-AHEAD", "cost_month": "2025-06-01", "department": "marketing", "category": "ads",
     "channel": "inbound", "amount": "700", "currency_code": "GBP"},
)

NPS_RESPONSES = rows(
    {"account_id": "ACC-1", "responded_at": "2024-02-20 10:00:00"},
    {"response_id": "NPS-1", "contact_id": "C-1", "score": "9"},
    {"response_id": "NPS-2", "account_id": "ACC-2", "score": "3"},
    # rule 6
    {"response_id": "NPS-11", "score": "11"},
    {"response_id": "NPS-NEG", "score": "-1"},
    # rule 3: null primary key -> missing_id, record_id null
    {"response_id": None, "score": "8"},
    # rule 9: account that never existed -> kept as given
    {"response_id": "NPS-ORPHAN", "account_id": "ACC-GHOST", "score": "10"},
)

EXCHANGE_RATES = rows(
    {"to_currency": "EUR"},
    {"rate_month": "2024-01-01", "from_currency": "USD", "rate": "0.9"},
    {"rate_month": "2024-02-01", "from_currency": "USD", "rate": "0.92"},
    # a mid-month date: the rate of March 2024
    {"rate_month": "2024-03-15", "from_currency": "USD", "rate": "0.95"},
    # rule 6: rate <= 0
    {"rate_month": "2024-01-01", "from_currency": "GBP", "rate": "0"},
    {"rate_month": "2024-02-01", "from_currency": "GBP", "rate": "-1.2"},
)

DATASET = {
    "teams": TEAMS,
    "users": USERS,
    "accounts": ACCOUNTS,
    "contacts": CONTACTS,
    "leads": LEADS,
    "opportunities": OPPORTUNITIES,
    "opportunity_stage_history": OPPORTUNITY_STAGE_HISTORY,
    "pipeline_stages": PIPELINE_STAGES,
    "activities": ACTIVITIES,
    "subscriptions": SUBSCRIPTIONS,
    "quotas": QUOTAS,
    "acquisition_costs": ACQUISITION_COSTS,
    "nps_responses": NPS_RESPONSES,
    "exchange_rates": EXCHANGE_RATES,
}

# --------------------------------------------------------------------------------------
# What the spec says must happen to each of them
# --------------------------------------------------------------------------------------

H = "|"  # composite keys are joined with '|'

# (source_table, record_id, reason, rule and reasoning). record_id None = missing primary key.
EXPECTED_QUARANTINE = [
    ("teams", "TEAM-COPY", "duplicate",
     "rule 2: no updated_at, two identical copies -> one kept, the other a duplicate"),
    ("users", "U-ROLE", "invalid_value", "rule 5: role 'ceo' not in sdr/ae/manager"),
    ("users", "U-ROLE-NULL", "invalid_value", "rule 5: null role ('a value outside its allowed set, null included')"),
    ("users", "U-HIRED-BAD", "invalid_value", "rule 4: hired_on '2024-13-45' cannot be read as a date"),
    ("accounts", "ACC-SEG", "invalid_value", "rule 5: segment 'huge' not in smb/mid_market/enterprise"),
    ("accounts", "ACC-RESYNC", "duplicate",
     "rule 2: the older version (updated_at 2024-01-01) of a re-synced account; the 2024-02-01 one is kept"),
    ("accounts", "ACC-DEL-LATEST", "duplicate",
     "rules 2 + 1: latest version soft-deleted -> record deleted, its older version is a duplicate"),
    ("accounts", "ACC-EMPLOYEES", "invalid_value", "rule 4: employee_count 'many' cannot be read as an integer"),
    ("contacts", None, "missing_id", "rule 3: blank contact_id ('   ' is read as null)"),
    ("leads", "LEAD-CHANNEL", "invalid_value", "rule 5: source_channel 'tv' not in its set"),
    ("leads", "LEAD-MQL-EARLY", "inconsistent_dates", "rule 7: mql_at before the lead's created_at"),
    ("leads", "LEAD-SQL-EARLY", "inconsistent_dates", "rule 7: sql_at before the lead's created_at"),
    ("leads", "LEAD-BAD-TS", "invalid_value", "rule 4: created_at '2024-02-30 10:00:00' is not a timestamp"),
    ("opportunities", "OPP-DUP", "duplicate", "rule 2: older version (updated_at 2024-01-01) of a re-sync"),
    ("opportunities", "OPP-DUP-NEG", "duplicate",
     "precedence: older copy with a negative amount -> duplicate (rule 2) comes before out_of_range (rule 6)"),
    ("opportunities", "OPP-AMOUNT-TEXT", "invalid_value", "rule 4: amount '12,5k' cannot be read as a decimal"),
    ("opportunities", "OPP-CLOSE-DATE-BAD", "invalid_value", "rule 4: expected_close_date '2024-13-45'"),
    ("opportunities", "OPP-TYPE", "invalid_value", "rule 5: opportunity_type 'barter' not in its set"),
    ("opportunities", "OPP-TYPE-NULL", "invalid_value", "rule 5: null opportunity_type (null included)"),
    ("opportunities", "OPP-FORECAST", "invalid_value", "rule 5: forecast_category 'maybe' not in its set"),
    ("opportunities", "OPP-STAGE", "invalid_value", "rule 5: stage_name 'haggling' missing from pipeline_stages"),
    ("opportunities", "OPP-NEG", "out_of_range", "rule 6: negative amount -100"),
    ("opportunities", "OPP-PROB", "out_of_range", "rule 6: probability 101 outside 0-100"),
    ("opportunities", "OPP-CLOSED-EARLY", "inconsistent_dates", "rule 7: closed_at before created_at"),
    ("opportunities", "OPP-NO-CLOSE", "missing_close_date", "rule 8: stage closed_won (is_closed) without closed_at"),
    ("opportunities", "OPP-TYPE-NEG", "invalid_value",
     "precedence: type 'barter' (rule 5) AND amount -100 (rule 6) -> the earlier reason, invalid_value"),
    ("opportunities", "OPP-NEG-EARLY", "out_of_range",
     "precedence: amount -100 (rule 6) AND closed before created (rule 7) -> out_of_range"),
    ("opportunity_stage_history", "OPP-LOST|prospecting|2024-01-20 10:00:00", "duplicate",
     "rule 2: no updated_at, identical copies -> one kept, the other a duplicate"),
    ("opportunity_stage_history", "OPP-GHOST|prospecting|2024-01-10 10:00:00", "orphan_history",
     "rule 11: history of an opportunity that never existed"),
    ("opportunity_stage_history", "OPP-DEL|prospecting|2024-01-20 10:00:00", "orphan_history",
     "rule 11: history of a soft-deleted opportunity (not staged)"),
    ("opportunity_stage_history", "OPP-NEG|prospecting|2024-01-20 10:00:00", "orphan_history",
     "rule 11: history of a quarantined opportunity (not staged)"),
    ("opportunity_stage_history", "OPP-OPEN|haggling|2024-01-21 10:00:00", "invalid_value",
     "rule 5: a stage-history stage_name missing from pipeline_stages"),
    ("opportunity_stage_history", "OPP-GHOST|haggling|2024-01-11 10:00:00", "invalid_value",
     "precedence: unknown stage (rule 5) AND orphan (rule 11) -> invalid_value"),
    ("activities", "ACT-FAX", "invalid_value", "rule 5: activity_type 'fax' not in its set"),
    ("activities", "ACT-DIR", "invalid_value", "rule 5: direction 'sideways' not in outbound/inbound"),
    ("activities", "ACT-DIR-NULL", "invalid_value", "rule 5: null direction (null included)"),
    ("activities", "ACT-COPY", "duplicate", "rule 2: no updated_at, identical copies -> one is a duplicate"),
    ("activities", "ACT-DURATION", "invalid_value", "rule 4: duration_seconds '2 min' is not an integer"),
    ("subscriptions", "SUB-ENDED-EARLY", "inconsistent_dates", "rule 7: ended_on before started_on"),
    ("subscriptions", "SUB-START-BAD", "invalid_value", "rule 4: started_on '2024-13-45'"),
    ("subscriptions", "SUB-NEG", "out_of_range", "rule 6: negative mrr_amount"),
    ("quotas", "U-SDR|2024-01-01", "duplicate",
     "rule 2 on the composite key user_id|quota_month: identical copies -> one duplicate"),
    ("quotas", "U-AE|2024-03-01", "out_of_range", "rule 6: negative quota_amount; record_id = user_id|quota_month"),
    ("quotas", None, "missing_id", "rule 3: blank user_id, part of the key -> record_id null"),
    ("quotas", "U-AE2|2024-02-01", "duplicate",
     "rule 2 after quota_month is brought to the month's first day: 2024-02-15 and 2024-02-01 are one "
     "record; ranked on content (no updated_at), the copy of 8000 is kept, this one of 9000 is not"),
    ("pipeline_stages", "won_pending", "invalid_value",
     "a stage won but not closed would make its deals both won and open (counted in revenue and the forecast)"),
    ("acquisition_costs", "COST-DEPT", "invalid_value", "rule 5: department 'finance' not in marketing/sales"),
    ("acquisition_costs", "COST-NEG", "out_of_range", "rule 6: negative cost amount"),
    ("nps_responses", "NPS-11", "out_of_range", "rule 6: NPS score 11 outside 0-10"),
    ("nps_responses", "NPS-NEG", "out_of_range", "rule 6: NPS score -1 outside 0-10"),
    ("nps_responses", None, "missing_id", "rule 3: null response_id -> record_id null"),
    ("exchange_rates", "2024-01-01|GBP|EUR", "out_of_range",
     "rule 6: rate 0 (must be > 0); record_id = rate_month|from_currency|to_currency"),
    ("exchange_rates", "2024-02-01|GBP|EUR", "out_of_range", "rule 6: negative rate"),
]

# Rule 1: soft-deleted records are absent from staging AND from the quarantine (the
# older version of ACC-DEL-LATEST is the one exception: it is a duplicate, asserted above).
SOFT_DELETED = [
    ("users", "U-DEL"),
    ("accounts", "ACC-DEL-LATEST"),
    ("contacts", "C-DEL"),
    ("leads", "LEAD-DEL"),
    ("opportunities", "OPP-DEL"),
    # precedence: soft-deleted before "value outside its set": deleted, not invalid_value
    ("opportunities", "OPP-DEL-BADTYPE"),
    ("activities", "ACT-DEL"),
    ("subscriptions", "SUB-DEL"),
]

# What each stg_crm__<table> must hold: exactly these primary keys.
EXPECTED_STAGED = {
    "teams": {"T1", "T2", "TEAM-COPY"},
    "users": {"U-MGR", "U-AE", "U-SDR", "U-AE2"},
    "accounts": {"ACC-1", "ACC-2", "ACC-RESYNC"},
    "contacts": {"C-1", "C-2", "C-ORPHAN-ACC"},
    "leads": {"L-1", "L-2", "LEAD-ORPHAN-OWNER"},
    "opportunities": {"OPP-WON", "OPP-OPEN", "OPP-LOST", "OPP-DUP", "OPP-DUP-NEG", "OPP-ORPHAN-ACC"},
    "opportunity_stage_history": {
        "OPP-WON|prospecting|2024-01-20 10:00:00",
        "OPP-WON|proposal|2024-01-25 10:00:00",
        "OPP-WON|closed_won|2024-02-15 10:00:00",
        "OPP-OPEN|prospecting|2024-01-20 10:00:00",
        "OPP-OPEN|proposal|2024-01-20 10:00:00",
        "OPP-LOST|prospecting|2024-01-20 10:00:00",
        "OPP-LOST|closed_lost|2024-02-20 10:00:00",
    },
    "pipeline_stages": {"prospecting", "proposal", "negotiation", "closed_won", "closed_lost"},
    "activities": {"A-CALL", "A-EMAIL", "A-MEET", "ACT-GHOST-USER", "ACT-FREE-OUTCOME", "ACT-COPY"},
    "subscriptions": {"SUB-1", "SUB-2"},
    "quotas": {"U-AE|2024-01-01", "U-AE|2024-02-01", "U-SDR|2024-01-01", "U-AE2|2024-02-01", "U-AE|2025-06-01"},
    "acquisition_costs": {"COST-ADS", "COST-SAL", "COST-AHEAD"},
    "nps_responses": {"NPS-1", "NPS-2", "NPS-ORPHAN"},
    "exchange_rates": {"2024-01-01|USD|EUR", "2024-02-01|USD|EUR", "2024-03-01|USD|EUR"},
}

# The accounting, by hand: raw rows = staged + soft-deleted + quarantined.
ACCOUNTING = {
    # table: (raw, staged, deleted, quarantined)
    "teams": (4, 3, 0, 1),                        # 4 raw = 3 staged + 0 deleted + 1 quarantined (TEAM-COPY copy)
    "users": (8, 4, 1, 3),                        # 8 raw = 4 staged + 1 deleted (U-DEL) + 3 quarantined
    "accounts": (8, 3, 1, 4),                     # 8 raw = 3 staged + 1 deleted (ACC-DEL-LATEST v2) + 4 quarantined
    "contacts": (5, 3, 1, 1),                     # 5 raw = 3 staged + 1 deleted (C-DEL) + 1 quarantined (blank id)
    "leads": (8, 3, 1, 4),                        # 8 raw = 3 staged + 1 deleted (LEAD-DEL) + 4 quarantined
    "opportunities": (22, 6, 2, 14),              # 22 raw = 6 staged + 2 deleted (OPP-DEL, OPP-DEL-BADTYPE) + 14 quarantined
    "opportunity_stage_history": (13, 7, 0, 6),   # 13 raw = 7 staged + 0 deleted + 6 quarantined
    "pipeline_stages": (6, 5, 0, 1),              # 6 raw = 5 staged + 0 deleted + 1 quarantined (won_pending)
    "activities": (12, 6, 1, 5),                  # 12 raw = 6 staged + 1 deleted (ACT-DEL) + 5 quarantined
    "subscriptions": (6, 2, 1, 3),                # 6 raw = 2 staged + 1 deleted (SUB-DEL) + 3 quarantined
    "quotas": (9, 5, 0, 4),                       # 9 raw = 5 staged + 0 deleted + 4 quarantined
    "acquisition_costs": (5, 3, 0, 2),            # 5 raw = 3 staged + 0 deleted + 2 quarantined
    "nps_responses": (6, 3, 0, 3),                # 6 raw = 3 staged + 0 deleted + 3 quarantined
    "exchange_rates": (5, 3, 0, 2),               # 5 raw = 3 staged + 0 deleted + 2 quarantined
}


def _key_sql(table: str) -> str:
    """SQL text of a staged row's primary key, joined with '|' like dq_quarantine.record_id."""
    key = CONTRACT[table]["key"]
    if len(key) == 1:
        return f"cast({key[0]} as varchar)"
    parts = []
    for column in key:
        kind = CONTRACT[table]["columns"][column]
        if kind == "timestamp":
            parts.append(f"strftime({column}, '%Y-%m-%d %H:%M:%S')")
        elif kind in ("date", "month"):
            parts.append(f"strftime({column}, '%Y-%m-%d')")
        else:
            parts.append(f"cast({column} as varchar)")
    return " || '|' || ".join(parts)


# --------------------------------------------------------------------------------------
# The build, once for the module
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dq(tmp_path_factory):
    return build_project(DATASET, tmp_path_factory.mktemp("data_quality"))


@pytest.fixture(scope="module")
def quarantine(dq) -> pd.DataFrame:
    return dq.query("select source_table, record_id, reason, version_rank from main.dq_quarantine")


def _quarantined(quarantine: pd.DataFrame, table: str, record_id: str | None) -> pd.DataFrame:
    in_table = quarantine[quarantine.source_table == table]
    if record_id is None:
        return in_table[in_table.record_id.isna()]
    return in_table[in_table.record_id == record_id]


def _staged(dq, table: str, record_id: str) -> pd.DataFrame:
    return dq.query(
        f"select * from main.stg_crm__{table} where {_key_sql(table)} = ?", [record_id]
    )


def _assert_kept_once_with_a_duplicate(dq, quarantine, table: str, record_id: str) -> pd.Series:
    """Rule 2: exactly one version of the record is staged and the other copy is quarantined
    as a duplicate; the staged row back."""
    staged = _staged(dq, table, record_id)
    assert len(staged) == 1, staged
    assert list(_quarantined(quarantine, table, record_id).reason) == ["duplicate"]
    return staged.iloc[0]


def _assert_close(actual, expected):
    assert actual is not None and not (isinstance(actual, float) and math.isnan(actual)), actual
    assert float(actual) == pytest.approx(expected)


# --------------------------------------------------------------------------------------
# Rules 2-8, 11: each bad record gets exactly one quarantine row with its reason
# --------------------------------------------------------------------------------------


def test_quarantine_columns(dq):
    columns = set(dq.query("select * from main.dq_quarantine limit 0").columns)
    assert {"source_table", "record_id", "reason", "version_rank"} <= columns


@pytest.mark.parametrize(
    "table, record_id, reason, why",
    [pytest.param(*case, id=f"{case[0]}:{case[1]}") for case in EXPECTED_QUARANTINE],
)
def test_bad_record_gets_its_reason(quarantine, table, record_id, reason, why):
    rows = _quarantined(quarantine, table, record_id)
    # exactly one quarantined row: a re-sync quarantines only its older copy, never the kept one
    assert list(rows.reason) == [reason], f"{table} {record_id!r}: {why}\n{rows}"


@pytest.mark.parametrize(
    "table, record_id, reason, why",
    [pytest.param(*case, id=f"{case[0]}:{case[1]}") for case in EXPECTED_QUARANTINE if case[1] is not None],
)
def test_quarantined_record_is_not_staged(dq, table, record_id, reason, why):
    # A quarantined record never feeds a KPI. Duplicates are the exception: their id IS
    # staged, once (the kept version) -- checked in the rule 2 tests below.
    staged = _staged(dq, table, record_id)
    if record_id == "ACC-DEL-LATEST":
        # its latest version is soft-deleted: the record is deleted, nothing staged
        assert staged.empty, staged
    elif reason == "duplicate":
        assert len(staged) == 1, staged
    else:
        assert staged.empty, f"{table} {record_id} is quarantined ({why}) but also staged:\n{staged}"


def test_quarantine_holds_exactly_the_expected_rows(quarantine):
    # Nothing else is quarantined: every valid row, soft-deleted row and rule 9 orphan stays out.
    expected = sorted((t, r if r is not None else "<null>", reason) for t, r, reason, _ in EXPECTED_QUARANTINE)
    actual = sorted(
        (row.source_table, row.record_id if isinstance(row.record_id, str) else "<null>", row.reason)
        for row in quarantine.itertuples()
    )
    assert actual == expected


# --------------------------------------------------------------------------------------
# Rule 1: soft delete -> excluded, not quarantined
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("table, record_id", [pytest.param(t, r, id=f"{t}:{r}") for t, r in SOFT_DELETED])
def test_soft_deleted_record_is_excluded_and_not_quarantined(dq, quarantine, table, record_id):
    # rule 1: "excluded everywhere downstream of staging; counted as deleted, not quarantined"
    assert _staged(dq, table, record_id).empty
    reasons = list(_quarantined(quarantine, table, record_id).reason)
    if record_id == "ACC-DEL-LATEST":
        # its latest version is the deleted one; only the OLDER version is quarantined, as duplicate
        assert reasons == ["duplicate"]
    else:
        assert reasons == []


# --------------------------------------------------------------------------------------
# Rule 2: re-syncs and copies
# --------------------------------------------------------------------------------------


def test_resync_keeps_latest_version_of_account(dq, quarantine):
    # rule 2: "keep the row with the latest updated_at" -> v2 values
    row = _assert_kept_once_with_a_duplicate(dq, quarantine, "accounts", "ACC-RESYNC")
    assert row.account_name == "Resync New Name"
    assert row.segment == "mid_market"
    assert pd.Timestamp(row.updated_at) == pd.Timestamp("2024-02-01 00:00:00")


@pytest.mark.parametrize(
    "record_id, amount",
    [
        # rule 2: OPP-DUP v2 (updated 2024-02-01, amount 2000) is the truth
        ("OPP-DUP", 2000),
        # precedence: OPP-DUP-NEG v1 (amount -50) is a duplicate, v2 (amount 3000) is staged
        ("OPP-DUP-NEG", 3000),
    ],
)
def test_resync_keeps_latest_version_of_opportunity(dq, quarantine, record_id, amount):
    # an older copy breaking a later rule (OPP-DUP-NEG's -50) is only a duplicate
    row = _assert_kept_once_with_a_duplicate(dq, quarantine, "opportunities", record_id)
    _assert_close(row.amount, amount)


def test_duplicates_have_a_version_rank_above_one(quarantine):
    # rule 2: the kept version ranks 1, every quarantined copy ranks after it
    duplicates = quarantine[quarantine.reason == "duplicate"]
    # TEAM-COPY, ACC-RESYNC, ACC-DEL-LATEST, OPP-DUP, OPP-DUP-NEG, a history copy, ACT-COPY, two quota copies
    assert len(duplicates) == 9
    assert (duplicates.version_rank.astype(int) > 1).all(), duplicates
    latest_deleted = _quarantined(quarantine, "accounts", "ACC-DEL-LATEST")
    assert list(latest_deleted.version_rank.astype(int)) == [2]


@pytest.mark.parametrize(
    "table, record_id",
    [
        ("teams", "TEAM-COPY"),
        ("activities", "ACT-COPY"),
        ("quotas", "U-SDR|2024-01-01"),
        ("opportunity_stage_history", "OPP-LOST|prospecting|2024-01-20 10:00:00"),
    ],
)
def test_identical_copies_keep_exactly_one(dq, quarantine, table, record_id):
    # rule 2: "Where updated_at ties or the table has none ... keep one, deterministically"
    _assert_kept_once_with_a_duplicate(dq, quarantine, table, record_id)


# --------------------------------------------------------------------------------------
# Rule 3: missing ids
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("table", ["contacts", "quotas", "nps_responses"])
def test_missing_id_has_null_record_id(quarantine, table):
    # rule 3: "primary key null or blank" -> missing_id; record_id "null when missing"
    rows = quarantine[(quarantine.source_table == table) & (quarantine.reason == "missing_id")]
    assert len(rows) == 1
    assert rows.record_id.isna().all()


def test_no_staged_row_has_a_null_key(dq):
    for table, spec in CONTRACT.items():
        condition = " or ".join(f"{column} is null" for column in spec["key"])
        assert dq.count(f"stg_crm__{table}", where=condition) == 0, table


# --------------------------------------------------------------------------------------
# Rules 9 and 5: orphans, and free-text activity outcomes, are kept as given
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "table, record_id, column, value",
    [
        ("contacts", "C-ORPHAN-ACC", "account_id", "ACC-GHOST"),     # account never existed
        ("leads", "LEAD-ORPHAN-OWNER", "owner_id", "U-DEL"),         # owner soft-deleted
        ("opportunities", "OPP-ORPHAN-ACC", "account_id", "ACC-GHOST"),
        ("opportunities", "OPP-ORPHAN-ACC", "owner_id", "U-GHOST"),
        ("activities", "ACT-GHOST-USER", "user_id", "U-GHOST"),       # user never existed
        ("nps_responses", "NPS-ORPHAN", "account_id", "ACC-GHOST"),
        # rule 5: "Activity outcome is free text: not checked"
        ("activities", "ACT-FREE-OUTCOME", "outcome", "left a message with the receptionist"),
    ],
)
def test_record_is_kept_with_its_value_as_given(dq, quarantine, table, record_id, column, value):
    # rule 9: "keep the fact with its id as given"; not quarantined
    staged = _staged(dq, table, record_id)
    assert len(staged) == 1
    assert staged.iloc[0][column] == value
    assert _quarantined(quarantine, table, record_id).empty


# --------------------------------------------------------------------------------------
# Rule 11: stage history
# --------------------------------------------------------------------------------------


def test_stage_history_tie_is_not_quarantined(dq, quarantine):
    # rule 11: "two stages entered at the same instant ... ties are ordered by stage_order",
    # i.e. both rows stay
    rows = dq.query(
        "select stage_name from main.stg_crm__opportunity_stage_history "
        "where opportunity_id = 'OPP-OPEN' order by stage_name"
    )
    assert list(rows.stage_name) == ["proposal", "prospecting"]
    history = quarantine[quarantine.source_table == "opportunity_stage_history"]
    assert not history.record_id.fillna("").str.startswith("OPP-OPEN|pro").any()


def test_staged_history_points_to_staged_opportunities(dq):
    # rule 11 from the other side: no staged history row of an opportunity that is not staged
    orphans = dq.query(
        "select h.* from main.stg_crm__opportunity_stage_history h "
        "left join main.stg_crm__opportunities o using (opportunity_id) where o.opportunity_id is null"
    )
    assert orphans.empty, orphans


# --------------------------------------------------------------------------------------
# Staging: what is staged, typed, blank as null
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("table", list(EXPECTED_STAGED))
def test_staged_keys(dq, table):
    keys = dq.query(f"select {_key_sql(table)} as k from main.stg_crm__{table}").k
    assert keys.is_unique, keys[keys.duplicated()]
    assert set(keys) == EXPECTED_STAGED[table]


def test_blank_strings_are_read_as_null(dq):
    # a blank lost_reason is a null one; a blank mql_at is a missing one, not an unreadable one
    assert _staged(dq, "opportunities", "OPP-OPEN").lost_reason.isna().all()
    lead = _staged(dq, "leads", "L-2")
    assert len(lead) == 1
    assert lead.mql_at.isna().all()


_TYPE_FAMILIES = {
    "text": ("VARCHAR",),
    "date": ("DATE",),
    "month": ("DATE",),
    "timestamp": ("TIMESTAMP",),
    "decimal": ("DECIMAL",),
    "integer": ("INTEGER", "BIGINT", "HUGEINT", "SMALLINT", "TINYINT"),
    "boolean": ("BOOLEAN",),
}


@pytest.mark.parametrize("table", list(CONTRACT))
def test_staging_keeps_contract_names_and_types(dq, table):
    columns = dq.query(
        "select column_name, data_type from information_schema.columns "
        "where table_schema = 'main' and table_name = ?",
        [f"stg_crm__{table}"],
    )
    types = dict(zip(columns.column_name, columns.data_type))
    for column, kind in CONTRACT[table]["columns"].items():
        if column == "is_deleted":
            continue  # every staged row is not deleted: the flag may be dropped
        assert column in types, f"stg_crm__{table} lacks contract column {column}"
        actual = types[column].upper()
        if kind == "timestamp":
            ok = actual.startswith("TIMESTAMP")
        else:
            ok = any(actual.startswith(family) for family in _TYPE_FAMILIES[kind])
        assert ok, f"stg_crm__{table}.{column}: {actual}, contract type {kind}"


# --------------------------------------------------------------------------------------
# The accounting: raw rows = staged + soft-deleted + quarantined
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("table", list(CONTRACT))
def test_accounting(dq, table):
    raw, staged, deleted, quarantined = ACCOUNTING[table]
    assert raw == staged + deleted + quarantined  # the hand numbers add up
    assert raw == len(DATASET[table])
    assert dq.count(table, schema="raw_test") == raw
    assert dq.count(f"stg_crm__{table}") == staged
    assert dq.count("dq_quarantine", where=f"source_table = '{table}'") == quarantined
    assert (
        dq.count(table, schema="raw_test")
        == dq.count(f"stg_crm__{table}") + deleted + dq.count("dq_quarantine", where=f"source_table = '{table}'")
    )


def test_month_columns_are_brought_to_the_first_day_in_staging(dq):
    # rate_month 2024-03-15 is the rate of March 2024; quota_month 2024-02-15 is February's
    rate = dq.query("select rate_month, rate from main.stg_crm__exchange_rates where rate = 0.95")
    assert [str(month)[:10] for month in rate.rate_month] == ["2024-03-01"]
    quota = dq.query("select quota_month, quota_amount from main.stg_crm__quotas where user_id = 'U-AE2'")
    assert [str(month)[:10] for month in quota.quota_month] == ["2024-02-01"]
    assert float(quota.quota_amount.iloc[0]) == 8000


def test_an_amount_dated_after_the_reported_months_needs_no_rate(dq):
    # the GBP quota and cost of June 2025 have no GBP rate (the GBP rates are quarantined),
    # yet the build passed: no KPI uses them
    for relation, where in (("fct_quotas", "user_id = 'U-AE' and quota_month = '2025-06-01'"),
                            ("fct_acquisition_costs", "cost_id = 'COST-AHEAD'")):
        row = dq.query(f"select is_amount_used, exchange_rate from main.{relation} where {where}")
        assert len(row) == 1, relation
        assert not row.is_amount_used.iloc[0] and pd.isna(row.exchange_rate.iloc[0]), relation
