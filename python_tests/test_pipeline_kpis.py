"""The pipeline and activity KPIs of spec/kpis.md on one small hand-made raw dataset.

The dataset is loaded as text into schema raw_test and the project is built on it ONCE
(module fixture `kpis`); every test below asserts on that build, with the arithmetic in a
comment. A second tiny dataset (fixture `missing_rate_build`) proves that an amount
without its exchange rate fails the build, naming the currency and the month (or saying
that the currency has no rate at all, for an open deal).

The story (reporting currency EUR; the spine runs from 2024-09 to 2024-10):
- Koban example: U-KOBAN (team T-KOB) creates 15 opportunities in September 2024 on an
  smb account: 6 won (one with a null amount), 5 lost, 4 still open.
- Team T-ONE: three AEs with a quota in October; only U-A1 reaches it. U-A2 wins a USD
  deal converted at October's rate; U-A3 wins nothing. The manager has a quota of 0.
- Leads of September (one skipped MQL), activities of the SDR, marketing costs.
"""

from __future__ import annotations

import pytest

from crm_rows import pipeline_stages, rows, stage_history
from dbt_harness import build_project, is_null, one_row


# --------------------------------------------------------------------------------------
# The raw dataset
# --------------------------------------------------------------------------------------

TEAMS = [
    {"team_id": "T-KOB", "team_name": "Koban Team", "region": "EMEA"},
    {"team_id": "T-ONE", "team_name": "One In Three", "region": "EMEA"},
]

USERS = rows(
    {"hired_on": "2023-01-02", "is_deleted": "false", "updated_at": "2024-01-01 00:00:00"},
    {"user_id": "U-KOBAN", "full_name": "Kim Koban", "email": "kim@acme.test", "role": "ae", "team_id": "T-KOB"},
    {"user_id": "U-SDR", "full_name": "Sam Sdr", "email": "sam@acme.test", "role": "sdr", "team_id": "T-KOB"},
    {"user_id": "U-MGR", "full_name": "Max Manager", "email": "max@acme.test", "role": "manager", "team_id": "T-ONE"},
    {"user_id": "U-A1", "full_name": "Ann One", "email": "a1@acme.test", "role": "ae", "team_id": "T-ONE", "manager_id": "U-MGR"},
    {"user_id": "U-A2", "full_name": "Bob Two", "email": "a2@acme.test", "role": "ae", "team_id": "T-ONE", "manager_id": "U-MGR"},
    {"user_id": "U-A3", "full_name": "Cid Three", "email": "a3@acme.test", "role": "ae", "team_id": "T-ONE", "manager_id": "U-MGR"},
)

ACCOUNTS = rows(
    {"industry": "software", "country_code": "FR", "owner_id": "U-KOBAN", "created_at": "2024-09-01 08:00:00",
     "is_deleted": "false", "updated_at": "2024-09-01 08:00:00"},
    {"account_id": "ACC-SMB", "account_name": "Small SAS", "segment": "smb"},
    {"account_id": "ACC-MID", "account_name": "Middle GmbH", "segment": "mid_market"},
    {"account_id": "ACC-ENT", "account_name": "Large Inc", "segment": "enterprise"},
)

# stage_order 1-4 open, 5 closed_won (100), 6 closed_lost (0)
PIPELINE_STAGES = pipeline_stages(("prospecting", 10), ("qualification", 25), ("proposal", 50), ("negotiation", 75))

EXCHANGE_RATES = rows(
    {"from_currency": "USD", "to_currency": "EUR"},
    {"rate_month": "2024-09-01", "rate": "0.8"},
    {"rate_month": "2024-10-01", "rate": "0.9"},
    # the latest USD rate: open USD deals convert at it, whatever its month
    {"rate_month": "2024-11-01", "rate": "0.95"},
)

LEADS = rows(
    {"source_channel": "inbound", "owner_id": "U-SDR", "is_deleted": "false", "updated_at": "2024-10-01 00:00:00"},
    # two opportunities point to LD1, one of them won: an opportunity and a customer, once
    {"lead_id": "LD1", "created_at": "2024-09-01 09:00:00", "mql_at": "2024-09-03 09:00:00", "sql_at": "2024-09-10 09:00:00"},
    {"lead_id": "LD2", "created_at": "2024-09-02 09:00:00", "mql_at": "2024-09-05 09:00:00"},
    # skipped MQL: an SQL without mql_at (a lost opportunity points to it)
    {"lead_id": "LD3", "created_at": "2024-09-03 09:00:00", "sql_at": "2024-09-08 09:00:00"},
    # created in September, MQL in October
    {"lead_id": "LD4", "created_at": "2024-09-04 09:00:00", "mql_at": "2024-10-02 09:00:00", "sql_at": "2024-10-05 09:00:00"},
    # an outbound lead owned by a user that does not exist
    {"lead_id": "LD5", "created_at": "2024-09-10 09:00:00", "source_channel": "outbound", "owner_id": "U-GHOST"},
)

_KOBAN = {"account_id": "ACC-SMB", "owner_id": "U-KOBAN", "opportunity_type": "new_business",
          "created_at": "2024-09-02 23:00:00", "expected_close_date": "2024-10-31", "currency_code": "EUR",
          "is_deleted": "false", "updated_at": "2024-10-20 00:00:00"}
_WON_KOBAN = {**_KOBAN, "stage_name": "closed_won", "closed_at": "2024-09-12 01:00:00", "forecast_category": "closed"}
_LOST_KOBAN = {**_KOBAN, "stage_name": "closed_lost", "closed_at": "2024-09-20 10:00:00", "forecast_category": "closed",
               "amount": "1000", "lost_reason": "price"}
_OPEN_KOBAN = {**_KOBAN, "amount": "1000", "forecast_category": "pipeline"}
_T_ONE = {"is_deleted": "false", "updated_at": "2024-10-20 00:00:00", "opportunity_type": "new_business",
          "account_id": "ACC-MID", "expected_close_date": "2024-10-31"}

OPPORTUNITIES = (
    rows(_WON_KOBAN,
         {"opportunity_id": "K-W1", "amount": "1000", "lead_id": "LD1"},
         {"opportunity_id": "K-W2", "amount": "2000", "lead_id": "LD1"},
         {"opportunity_id": "K-W3", "amount": "3000"},
         {"opportunity_id": "K-W4", "amount": "4000"},
         {"opportunity_id": "K-W5", "amount": "5000"},
         # won with a null amount: a deal won, not in average_deal_size's denominator
         {"opportunity_id": "K-W6", "amount": None})
    + rows(_LOST_KOBAN,
           {"opportunity_id": "K-L1", "lead_id": "LD3"},
           {"opportunity_id": "K-L2"},
           {"opportunity_id": "K-L3"},
           {"opportunity_id": "K-L4"},
           {"opportunity_id": "K-L5"})
    + rows(_OPEN_KOBAN,
           {"opportunity_id": "K-O1", "stage_name": "prospecting"},
           {"opportunity_id": "K-O2", "stage_name": "qualification"},
           {"opportunity_id": "K-O3", "stage_name": "negotiation"},
           {"opportunity_id": "K-O4", "stage_name": "proposal"})
    + rows(_T_ONE,
           {"opportunity_id": "A1-WON", "owner_id": "U-A1", "created_at": "2024-10-01 09:00:00",
            "closed_at": "2024-10-15 10:00:00", "stage_name": "closed_won", "amount": "1200",
            "currency_code": "EUR", "forecast_category": "closed"},
           # USD, won in October: converted at October's rate (0.9), not September's nor the latest
           {"opportunity_id": "A2-WON-USD", "owner_id": "U-A2", "account_id": "ACC-ENT", "opportunity_type": "upsell",
            "created_at": "2024-10-02 09:00:00", "closed_at": "2024-10-16 09:00:00", "stage_name": "closed_won",
            "amount": "500", "currency_code": "USD", "forecast_category": "closed"},
           # open USD deal: at the latest USD rate (2024-11: 0.95); stage default probability 50
           {"opportunity_id": "OP-USD", "owner_id": "U-A1", "created_at": "2024-10-05 09:00:00",
            "expected_close_date": "2024-12-15", "stage_name": "proposal", "amount": "1000",
            "currency_code": "USD", "forecast_category": "commit"},
           # overdue: stays in the (past) month of its expected close date
           {"opportunity_id": "OP-OVERDUE", "owner_id": "U-A1", "created_at": "2024-10-06 09:00:00",
            "expected_close_date": "2024-08-20", "stage_name": "qualification", "amount": "2000",
            "currency_code": "EUR", "probability": "20", "forecast_category": "pipeline"},
           # no expected close date: reported in the as_of month
           {"opportunity_id": "OP-NODATE", "owner_id": "U-A1", "created_at": "2024-10-06 10:00:00",
            "expected_close_date": None, "stage_name": "prospecting", "amount": "100",
            "currency_code": "EUR", "probability": "30", "forecast_category": "pipeline"},
           # unknown account and null owner: kept, shown as `unknown`; a null amount
           {"opportunity_id": "OP-GHOST", "owner_id": None, "account_id": "ACC-GHOST",
            "created_at": "2024-10-07 09:00:00", "expected_close_date": "2024-11-10",
            "stage_name": "negotiation", "amount": None, "currency_code": "EUR",
            "forecast_category": "best_case"})
)


STAGE_HISTORY = (
    # lost after qualification -> reached stages 1-2
    stage_history("K-L1", ("prospecting", "2024-09-03 09:00:00"), ("qualification", "2024-09-05 09:00:00"),
                  ("closed_lost", "2024-09-20 10:00:00"))
    # skipped qualification: prospecting -> proposal -> lost: reached 1-3
    + stage_history("K-L2", ("prospecting", "2024-09-03 09:00:00"), ("proposal", "2024-09-06 09:00:00"),
                    ("closed_lost", "2024-09-20 10:00:00"))
    # K-L3: no history -> reached the first open stage only
    # negotiation and closed_lost at the same instant: ordered by stage_order -> reached 1-4
    + stage_history("K-L4", ("prospecting", "2024-09-03 09:00:00"), ("negotiation", "2024-09-20 10:00:00"),
                    ("closed_lost", "2024-09-20 10:00:00"))
    # lost, then a proposal entry after the first close: does not count -> reached 1-2
    + stage_history("K-L5", ("prospecting", "2024-09-03 09:00:00"), ("qualification", "2024-09-05 09:00:00"),
                    ("closed_lost", "2024-09-10 09:00:00"), ("proposal", "2024-09-15 09:00:00"),
                    ("closed_lost", "2024-09-20 10:00:00"))
    # moved back from proposal to qualification: reached 1-3 (moving back does not undo)
    + stage_history("K-O2", ("prospecting", "2024-09-03 09:00:00"), ("proposal", "2024-09-06 09:00:00"),
                    ("qualification", "2024-09-09 09:00:00"))
    # current stage proposal beyond the history: reached 1-3
    + stage_history("K-O4", ("prospecting", "2024-09-03 09:00:00"))
)

_OUT = {"direction": "outbound", "user_id": "U-SDR", "occurred_at": "2024-09-16 10:00:00", "is_deleted": "false"}
ACTIVITIES = rows(
    _OUT,
    {"activity_id": "AC-01", "activity_type": "call", "outcome": "meeting_booked"},
    {"activity_id": "AC-02", "activity_type": "call", "outcome": "connected"},
    {"activity_id": "AC-03", "activity_type": "call", "outcome": "no_answer"},
    {"activity_id": "AC-04", "activity_type": "call", "outcome": "voicemail"},
    {"activity_id": "AC-05", "activity_type": "call", "outcome": "meeting_booked", "direction": "inbound"},
    {"activity_id": "AC-06", "activity_type": "email", "outcome": "replied"},
    {"activity_id": "AC-07", "activity_type": "email", "outcome": "sent"},
    {"activity_id": "AC-08", "activity_type": "email", "outcome": "replied", "direction": "inbound"},
    {"activity_id": "AC-09", "activity_type": "linkedin_visit", "outcome": "viewed"},
    {"activity_id": "AC-10", "activity_type": "linkedin_message", "outcome": "sent"},
    {"activity_id": "AC-11", "activity_type": "meeting", "outcome": "completed", "direction": "inbound"},
    {"activity_id": "AC-12", "activity_type": "meeting", "outcome": "no_show"},
    {"activity_id": "AC-13", "activity_type": "demo", "outcome": "completed"},
    # a user that does not exist, and a null user
    {"activity_id": "AC-14", "activity_type": "call", "outcome": "connected", "user_id": "U-GHOST"},
    {"activity_id": "AC-15", "activity_type": "email", "outcome": "sent", "user_id": None},
)

QUOTAS = rows(
    {"currency_code": "EUR"},
    {"user_id": "U-KOBAN", "quota_month": "2024-09-01", "quota_amount": "10000"},
    {"user_id": "U-A1", "quota_month": "2024-10-01", "quota_amount": "1000"},
    {"user_id": "U-A2", "quota_month": "2024-10-01", "quota_amount": "1000"},
    # USD quota: at October's rate, 1000 x 0.9 = 900 EUR
    {"user_id": "U-A3", "quota_month": "2024-10-01", "quota_amount": "1000", "currency_code": "USD"},
    # a quota of 0: attainment null, not a rep with quota
    {"user_id": "U-MGR", "quota_month": "2024-10-01", "quota_amount": "0"},
    # booked ahead, outside the spine: never reported
    {"user_id": "U-A1", "quota_month": "2024-12-01", "quota_amount": "1000"},
)

ACQUISITION_COSTS = rows(
    {"cost_month": "2024-09-01", "department": "marketing", "category": "ads", "currency_code": "EUR"},
    {"cost_id": "C1", "channel": "inbound", "amount": "400"},
    {"cost_id": "C2", "channel": None, "amount": "300"},
    {"cost_id": "C3", "department": "sales", "category": "salaries", "channel": None, "amount": "5000"},
    {"cost_id": "C4", "channel": "outbound", "amount": "100", "currency_code": "USD"},
    # booked ahead, outside the spine
    {"cost_id": "C5", "cost_month": "2024-12-01", "channel": "inbound", "amount": "999"},
)

DATASET = {
    "teams": TEAMS,
    "users": USERS,
    "accounts": ACCOUNTS,
    "pipeline_stages": PIPELINE_STAGES,
    "exchange_rates": EXCHANGE_RATES,
    "leads": LEADS,
    "opportunities": OPPORTUNITIES,
    "opportunity_stage_history": STAGE_HISTORY,
    "activities": ACTIVITIES,
    "quotas": QUOTAS,
    "acquisition_costs": ACQUISITION_COSTS,
}

SEP = "2024-09-01"
OCT = "2024-10-01"

MARTS = [
    "kpi_activity_volume", "kpi_email_response_rate", "kpi_call_to_meeting_rate", "kpi_lead_funnel",
    "kpi_mql_to_sql_rate", "kpi_cost_per_lead", "kpi_win_rate", "kpi_stage_conversion", "kpi_revenue",
    "kpi_average_deal_size", "kpi_sales_cycle_length", "kpi_upsell_rate", "kpi_quota_attainment",
    "kpi_team_quota_attainment", "kpi_sales_forecast",
]


@pytest.fixture(scope="module")
def kpis(tmp_path_factory):
    return build_project(DATASET, tmp_path_factory.mktemp("pipeline_kpis"))


# --------------------------------------------------------------------------------------
# Every mart
# --------------------------------------------------------------------------------------


def test_month_start_is_a_date_and_inside_the_spine(kpis):
    for mart in MARTS:
        data_type = kpis.scalar(
            "select data_type from information_schema.columns "
            "where table_schema = 'main' and table_name = ? and column_name = 'month_start'", [mart])
        assert data_type == "DATE", (mart, data_type)
        if mart != "kpi_sales_forecast":
            # the spine is 2024-09 .. 2024-10 (first and latest event); Dec quotas/costs stay out
            outside = kpis.count(mart, where="month_start not in (date '2024-09-01', date '2024-10-01')")
            assert outside == 0, mart


def test_no_personal_data_in_marts(kpis):
    for mart in MARTS:
        columns = set(kpis.relation(mart).columns)
        assert not columns & {"email", "first_name", "last_name", "phone", "full_name"}, mart


# --------------------------------------------------------------------------------------
# Activity
# --------------------------------------------------------------------------------------


def test_activity_volume(kpis):
    row = one_row(kpis, "kpi_activity_volume", f"user_id = 'U-SDR' and month_start = '{SEP}'")
    assert row["calls_made"] == 4         # AC-01..04 outbound; AC-05 is inbound
    assert row["emails_sent"] == 2        # AC-06, AC-07 outbound; AC-08 inbound
    assert row["linkedin_touches"] == 2   # visit + message, outbound
    assert row["meetings_held"] == 1      # AC-11 completed (inbound counts); AC-12 no_show
    assert row["demos_held"] == 1         # AC-13
    assert row["total_activities"] == 13  # AC-01..AC-13, any type, direction or outcome


def test_activity_of_unknown_and_null_users_is_kept(kpis):
    # U-GHOST does not exist: kept under its id; a null user shows as `unknown`
    assert one_row(kpis, "kpi_activity_volume", "user_id = 'U-GHOST'")["calls_made"] == 1
    assert one_row(kpis, "kpi_activity_volume", "user_id = 'unknown'")["emails_sent"] == 1


def test_email_response_rate(kpis):
    row = one_row(kpis, "kpi_email_response_rate", "user_id = 'U-SDR'")
    assert (row["emails_replied"], row["emails_sent"]) == (1, 2)
    assert row["email_response_rate"] == 50  # 1 replied / 2 outbound emails = 50 %


def test_call_to_meeting_rate(kpis):
    row = one_row(kpis, "kpi_call_to_meeting_rate", "user_id = 'U-SDR'")
    assert (row["meetings_booked"], row["calls_made"]) == (1, 4)
    assert row["call_to_meeting_rate"] == 25  # 1 booked / 4 outbound calls = 25 % (inbound AC-05 ignored)


# --------------------------------------------------------------------------------------
# Leads
# --------------------------------------------------------------------------------------


def test_lead_funnel(kpis):
    row = one_row(kpis, "kpi_lead_funnel", f"month_start = '{SEP}' and source_channel = 'inbound'")
    assert row["leads_created"] == 4   # LD1..LD4
    assert row["mqls"] == 3            # LD1, LD2, LD4 (LD4 became MQL in October: a cohort)
    assert row["sqls"] == 3            # LD1, LD3 (skipped MQL), LD4
    assert row["opportunities"] == 2   # LD1 (two opportunities, counted once), LD3
    assert row["customers"] == 1       # LD1 (K-W1 won); LD3's deal was lost
    assert row["lead_conversion_rate"] == 25       # 1 customer / 4 leads
    assert row["lead_to_mql_rate"] == 75           # 3 / 4
    assert row["lead_to_sql_rate"] == 75           # 3 / 4
    assert row["lead_to_opportunity_rate"] == 50   # 2 / 4
    assert row["opportunity_to_customer_rate"] == 50  # 1 / 2


def test_lead_funnel_empty_denominator_is_null(kpis):
    row = one_row(kpis, "kpi_lead_funnel", f"month_start = '{SEP}' and source_channel = 'outbound'")
    assert (row["leads_created"], row["opportunities"], row["customers"]) == (1, 0, 0)
    assert row["lead_conversion_rate"] == 0             # 0 / 1
    assert is_null(row["opportunity_to_customer_rate"])  # 0 / 0 opportunities -> null


def test_mql_to_sql_rate_and_the_lead_that_skipped_mql(kpis):
    sep = one_row(kpis, "kpi_mql_to_sql_rate", f"month_start = '{SEP}'")
    assert (sep["source_channel"], sep["owner_id"]) == ("inbound", "U-SDR")
    assert (sep["sqls"], sep["mqls"]) == (1, 2)  # LD1 SQL, LD2 not; LD3 skipped MQL: in no cohort
    assert sep["mql_to_sql_rate"] == 50          # 1 / 2
    oct_ = one_row(kpis, "kpi_mql_to_sql_rate", f"month_start = '{OCT}'")
    assert oct_["mql_to_sql_rate"] == 100         # LD4: 1 / 1
    assert kpis.count("kpi_mql_to_sql_rate") == 2  # the outbound lead never became MQL


def test_cost_per_lead(kpis):
    inbound = one_row(kpis, "kpi_cost_per_lead", f"month_start = '{SEP}' and channel = 'inbound'")
    assert inbound["cost_per_lead"] == 100  # 400 EUR / 4 leads
    outbound = one_row(kpis, "kpi_cost_per_lead", f"month_start = '{SEP}' and channel = 'outbound'")
    assert outbound["marketing_costs"] == pytest.approx(80)  # 100 USD x 0.8 (September rate)
    assert outbound["cost_per_lead"] == pytest.approx(80)    # 80 EUR / 1 lead
    unattributed = one_row(kpis, "kpi_cost_per_lead", f"month_start = '{SEP}' and channel = 'unattributed'")
    assert unattributed["marketing_costs"] == 300  # C2 (null channel); C3 is a sales cost
    assert unattributed["leads_created"] == 0
    assert is_null(unattributed["cost_per_lead"])  # 300 / 0 leads -> null
    assert kpis.count("kpi_cost_per_lead") == 3    # C5 booked in December stays out


# --------------------------------------------------------------------------------------
# Opportunities
# --------------------------------------------------------------------------------------


def test_win_rate_koban_example(kpis):
    row = one_row(kpis, "kpi_win_rate", f"month_start = '{SEP}' and owner_id = 'U-KOBAN'")
    assert (row["segment"], row["opportunity_type"]) == ("smb", "new_business")
    assert row["opportunities_created"] == 15
    assert (row["opportunities_won"], row["opportunities_lost"], row["opportunities_open"]) == (6, 5, 4)
    assert row["win_rate"] == 40  # 6 won / 15 created = 40 % (exactly)
    assert row["closed_win_rate"] == pytest.approx(600 / 11)  # 6 / (6 + 5) = 54.54 %


def test_win_rate_unknown_owner_and_account(kpis):
    row = one_row(kpis, "kpi_win_rate", "owner_id = 'unknown'")
    assert row["segment"] == "unknown"    # ACC-GHOST does not exist
    assert row["win_rate"] == 0           # 0 won / 1 created
    assert is_null(row["closed_win_rate"])  # 0 / (0 + 0) -> null
    a1 = one_row(kpis, "kpi_win_rate", f"month_start = '{OCT}' and owner_id = 'U-A1'")
    assert a1["win_rate"] == 25  # A1-WON / (A1-WON, OP-USD, OP-OVERDUE, OP-NODATE)


def test_revenue_with_null_amount(kpis):
    row = one_row(kpis, "kpi_revenue", f"month_start = '{SEP}' and owner_id = 'U-KOBAN'")
    assert row["deals_won"] == 6   # K-W6 has no amount but is won
    assert row["revenue"] == 15000  # 1000 + 2000 + 3000 + 4000 + 5000 (+ null adds nothing)


def test_usd_deal_at_its_close_month_rate(kpis):
    row = one_row(kpis, "kpi_revenue", "owner_id = 'U-A2'")
    assert row["month_start"].isoformat()[:10] == OCT
    assert row["revenue"] == pytest.approx(450)  # 500 USD x 0.9 (October), not 0.8 nor 0.95


def test_average_deal_size(kpis):
    row = one_row(kpis, "kpi_average_deal_size", f"month_start = '{SEP}' and owner_id = 'U-KOBAN'")
    assert row["deals_won_with_amount"] == 5  # K-W6's null amount is out of the denominator
    assert row["average_deal_size"] == 3000   # 15000 / 5


def test_sales_cycle_length(kpis):
    koban = one_row(kpis, "kpi_sales_cycle_length", f"month_start = '{SEP}' and owner_id = 'U-KOBAN'")
    # created 2024-09-02 23:00, closed 2024-09-12 01:00: dates 09-02 -> 09-12 = 10 days (not 9.08)
    assert (koban["deals_won"], koban["total_cycle_days"]) == (6, 60)
    assert koban["avg_sales_cycle_days"] == 10  # 60 / 6
    a1 = one_row(kpis, "kpi_sales_cycle_length", "owner_id = 'U-A1'")
    assert a1["avg_sales_cycle_days"] == 14  # 10-01 -> 10-15


def test_upsell_rate(kpis):
    sep = one_row(kpis, "kpi_upsell_rate", f"month_start = '{SEP}'")
    assert sep["upsell_rate"] == 0  # 0 expansion / 6 won
    oct_ = one_row(kpis, "kpi_upsell_rate", f"month_start = '{OCT}'")
    assert (oct_["expansion_deals_won"], oct_["deals_won"]) == (1, 2)
    assert oct_["upsell_rate"] == 50  # A2's upsell / (A1-WON, A2-WON-USD)
    assert oct_["revenue"] == pytest.approx(1650)  # 1200 + 450
    assert oct_["expansion_revenue_share"] == pytest.approx(450 * 100 / 1650)  # 27.27 %


def test_stage_conversion_with_skipped_stage(kpis):
    frame = kpis.query(
        f"select stage_name, stage_order, reached, advanced, stage_conversion_rate "
        f"from main.kpi_stage_conversion where month_start = '{SEP}' order by stage_order")
    assert list(frame["stage_name"]) == ["prospecting", "qualification", "proposal", "negotiation"]
    # reached: furthest open stage per deal -- won 4 (x6); lost L1 2, L2 3 (skipped qualification,
    # counted), L3 1 (no history), L4 4 (tie with closed_lost ordered by stage_order), L5 2 (entries
    # after the first close ignored); open O1 1, O2 3 (moved back), O3 4, O4 3 (current stage)
    assert list(frame["reached"]) == [15, 13, 11, 8]
    # advanced = reached the next open stage; after negotiation, next means won (6)
    assert list(frame["advanced"]) == [13, 11, 8, 6]
    assert frame["stage_conversion_rate"].tolist() == pytest.approx(
        [1300 / 15, 1100 / 13, 800 / 11, 75])  # 13/15, 11/13, 8/11, 6/8 = 75 %


def test_stage_conversion_has_every_open_stage_per_cohort_month(kpis):
    # two cohort months (September, October) x 4 open stages
    assert kpis.count("kpi_stage_conversion") == 8


def test_quota_attainment(kpis):
    a1 = one_row(kpis, "kpi_quota_attainment", "user_id = 'U-A1'")
    assert a1["quota_attainment"] == 120  # 1200 / 1000; the December quota stays out
    a2 = one_row(kpis, "kpi_quota_attainment", "user_id = 'U-A2'")
    assert a2["quota_attainment"] == pytest.approx(45)  # 450 / 1000
    a3 = one_row(kpis, "kpi_quota_attainment", "user_id = 'U-A3'")
    assert a3["quota_amount"] == pytest.approx(900)  # 1000 USD x 0.9
    assert a3["revenue"] == 0 and a3["quota_attainment"] == 0  # a quota and no won deal: 0 / 900
    manager = one_row(kpis, "kpi_quota_attainment", "user_id = 'U-MGR'")
    assert is_null(manager["quota_attainment"])  # quota 0 -> null
    koban = one_row(kpis, "kpi_quota_attainment", "user_id = 'U-KOBAN'")
    assert koban["quota_attainment"] == 150  # 15000 / 10000


def test_team_quota_attainment_one_rep_in_three(kpis):
    row = one_row(kpis, "kpi_team_quota_attainment", f"team_id = 'T-ONE' and month_start = '{OCT}'")
    assert (row["reps_at_quota"], row["reps_with_quota"]) == (1, 3)  # U-A1; the manager's quota is 0
    assert row["pct_reps_at_quota"] == pytest.approx(100 / 3)  # 1 / 3 = 33.33 %
    assert row["quota_alert"] == True  # noqa: E712  33.33 < 60
    assert row["team_quota"] == pytest.approx(2900)    # 1000 + 1000 + 900
    assert row["team_revenue"] == pytest.approx(1650)  # 1200 + 450 + 0
    assert row["team_attainment"] == pytest.approx(1650 * 100 / 2900)
    koban = one_row(kpis, "kpi_team_quota_attainment", "team_id = 'T-KOB'")
    assert koban["pct_reps_at_quota"] == 100 and koban["quota_alert"] == False  # noqa: E712


def test_sales_forecast(kpis):
    koban = one_row(kpis, "kpi_sales_forecast", "owner_id = 'U-KOBAN'")
    assert koban["open_opportunities"] == 4
    assert koban["pipeline_amount"] == 4000
    # 1000 x (10 + 25 + 75 + 50) / 100: the stage defaults
    assert koban["weighted_pipeline"] == pytest.approx(1600)
    usd = one_row(kpis, "kpi_sales_forecast", "owner_id = 'U-A1' and forecast_category = 'commit'")
    assert usd["month_start"].isoformat()[:10] == "2024-12-01"  # ahead of the spine: allowed here
    assert usd["pipeline_amount"] == pytest.approx(950)      # 1000 USD x 0.95 (latest rate, 2024-11)
    assert usd["weighted_pipeline"] == pytest.approx(475)    # 950 x 50 (proposal default) / 100
    overdue = one_row(kpis, "kpi_sales_forecast", "owner_id = 'U-A1' and month_start = '2024-08-01'")
    assert overdue["weighted_pipeline"] == pytest.approx(400)  # 2000 x 20 / 100, stays in August
    no_date = one_row(kpis, "kpi_sales_forecast", f"owner_id = 'U-A1' and month_start = '{OCT}'")
    assert no_date["weighted_pipeline"] == pytest.approx(30)   # 100 x 30 / 100, in the as_of month
    ghost = one_row(kpis, "kpi_sales_forecast", "owner_id = 'unknown'")
    assert (ghost["open_opportunities"], ghost["pipeline_amount"], ghost["weighted_pipeline"]) == (1, 0, 0)


# --------------------------------------------------------------------------------------
# A missing exchange rate fails the build, naming the currency and the month
# --------------------------------------------------------------------------------------

MISSING_RATE_DATASET = {
    "users": USERS[:1],
    "accounts": ACCOUNTS[:1],
    "pipeline_stages": PIPELINE_STAGES,
    "exchange_rates": EXCHANGE_RATES,
    "opportunities": [
        # won in GBP in September: no GBP rate for 2024-09
        {**_WON_KOBAN, "opportunity_id": "GBP-WON", "amount": "100", "currency_code": "GBP"},
        # open in JPY, a currency without any rate: nothing to convert it at
        {**_OPEN_KOBAN, "opportunity_id": "JPY-OPEN", "stage_name": "proposal", "currency_code": "JPY"},
    ],
}


@pytest.fixture(scope="module")
def missing_rate_build(tmp_path_factory):
    return build_project(MISSING_RATE_DATASET, tmp_path_factory.mktemp("pipeline_missing_rate"), check=False)


def test_missing_exchange_rate_fails_the_build(missing_rate_build):
    assert not missing_rate_build.ok, "the build should fail on the GBP deal without a rate"
    output = missing_rate_build.output(last_lines=None)
    assert "no GBP -> EUR rate for 2024-09" in output, missing_rate_build.describe()
    assert "JPY has no rate to EUR at all" in output, missing_rate_build.describe()
    assert "fct_opportunities" in output
