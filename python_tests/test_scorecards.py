"""The scorecards of spec/kpis.md (kpi_scorecard and the three role boards) on one small
hand-made raw dataset, built twice: with the calendar year (fiscal_year_start_month 1) and
with a fiscal year starting in April. The targets are the project's demo targets
(seeds/config/kpi_targets.csv): 450 000 € of company revenue and a cost per lead of 300 €
every month of 2025; the tests read them from the seed and place the values around them.

The story (EUR; the spine runs from 2025-01 to 2025-05, the month of the last activity,
2025-05-20, so the latest complete month is April):

    month    AE1 created  won  lost  revenue (closed the same month)   marketing  leads
    2025-01  2            1    1     450 000  (= target)                300        1
    2025-02  8            3    5     409 500  (9 % short)               327        1
    2025-03  1            1    0     400 500  (11 % short)              333        1

    subscriptions  account  MRR   started_on  ended_on     month-end MRR: Jan 1000, Feb 1500,
    S1             ACC-1    1000  2025-01-05  -            Mar 1000, Apr 1250, May 1250
    S2             ACC-2    500   2025-02-10  2025-03-15
    S3             ACC-3    250   2025-04-02  -

Quotas of January: AE1 450 000 (reached: 100 %), AE2 100 000 (nothing won: 0 %).
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

from crm_rows import pipeline_stages, rows
from dbt_harness import REPO_ROOT, build_project, is_null, one_row


def _demo_target(kpi_name: str, month: str) -> float:
    """The company's monthly target of the demo seed."""
    with (REPO_ROOT / "seeds" / "config" / "kpi_targets.csv").open() as handle:
        for row in csv.DictReader(handle):
            if (row["kpi_name"], row["period_grain"], row["period_start"], row["scope_type"]) == (
                kpi_name, "month", f"{month}-01", "company",
            ):
                return float(row["target_value"])
    raise LookupError(f"no demo target for {kpi_name} {month}")


REVENUE_TARGET = _demo_target("revenue", "2025-02")  # 450 000, every month of 2025
COST_PER_LEAD_TARGET = _demo_target("cost_per_lead", "2025-02")  # 300, every month of 2025
assert all(_demo_target("revenue", m) == REVENUE_TARGET for m in ("2025-01", "2025-03"))
assert all(_demo_target("cost_per_lead", m) == COST_PER_LEAD_TARGET for m in ("2025-01", "2025-03"))

# revenue: on target, 9 % short, 11 % short; cost per lead (lower is better): on target,
# 9 % over, 11 % over
REVENUE = {"2025-01": REVENUE_TARGET, "2025-02": REVENUE_TARGET * 0.91, "2025-03": REVENUE_TARGET * 0.89}
MARKETING = {"2025-01": COST_PER_LEAD_TARGET, "2025-02": COST_PER_LEAD_TARGET * 1.09,
             "2025-03": COST_PER_LEAD_TARGET * 1.11}


def _money(amount: float) -> str:
    return f"{amount:.2f}"


TEAMS = [{"team_id": "T1", "team_name": "Team One", "region": "EMEA"}]

USERS = rows(
    {"hired_on": "2024-01-02", "is_deleted": "false", "updated_at": "2024-01-02 00:00:00", "team_id": "T1"},
    {"user_id": "U-MGR", "full_name": "Max Manager", "email": "max@acme.test", "role": "manager"},
    {"user_id": "U-AE1", "full_name": "Ann Exec", "email": "ann@acme.test", "role": "ae", "manager_id": "U-MGR"},
    {"user_id": "U-AE2", "full_name": "Bob Exec", "email": "bob@acme.test", "role": "ae", "manager_id": "U-MGR"},
    {"user_id": "U-SDR", "full_name": "Sam Sdr", "email": "sam@acme.test", "role": "sdr", "manager_id": "U-MGR"},
)

ACCOUNTS = rows(
    {"industry": "software", "segment": "smb", "country_code": "FR", "owner_id": "U-AE1",
     "created_at": "2025-01-02 08:00:00", "is_deleted": "false", "updated_at": "2025-01-02 08:00:00"},
    {"account_id": "ACC-1", "account_name": "One SAS"},
    {"account_id": "ACC-2", "account_name": "Two SAS"},
    {"account_id": "ACC-3", "account_name": "Three SAS"},
)

PIPELINE_STAGES = pipeline_stages(("prospecting", 10), ("proposal", 50))


def _deal(opportunity_id: str, month: str, won: bool, amount: float | None = None) -> dict:
    """A deal of AE1 (sourced by the SDR) created on the 3rd and closed on the 20th of the month."""
    return {
        "opportunity_id": opportunity_id, "account_id": "ACC-1", "owner_id": "U-AE1", "sdr_id": "U-SDR",
        "opportunity_type": "new_business", "created_at": f"{month}-03 09:00:00",
        "expected_close_date": f"{month}-28", "closed_at": f"{month}-20 10:00:00",
        "stage_name": "closed_won" if won else "closed_lost",
        "amount": None if amount is None else _money(amount), "currency_code": "EUR",
        "forecast_category": "closed", "lost_reason": None if won else "price",
        "is_deleted": "false", "updated_at": f"{month}-21 00:00:00",
    }


OPPORTUNITIES = [
    _deal("J-W1", "2025-01", True, REVENUE["2025-01"]),
    _deal("J-L1", "2025-01", False, 1000),
    _deal("F-W1", "2025-02", True, 200000),
    _deal("F-W2", "2025-02", True, 109500),
    _deal("F-W3", "2025-02", True, REVENUE["2025-02"] - 309500),
    *[_deal(f"F-L{i}", "2025-02", False, 1000) for i in range(1, 6)],
    _deal("M-W1", "2025-03", True, REVENUE["2025-03"]),
]

LEADS = rows(
    {"source_channel": "paid_ads", "owner_id": "U-SDR", "is_deleted": "false", "updated_at": "2025-03-31 00:00:00"},
    {"lead_id": "L-JAN", "created_at": "2025-01-08 09:00:00", "mql_at": "2025-01-09 09:00:00",
     "sql_at": "2025-01-10 09:00:00"},
    {"lead_id": "L-FEB", "created_at": "2025-02-08 09:00:00"},
    {"lead_id": "L-MAR", "created_at": "2025-03-08 09:00:00"},
)

ACQUISITION_COSTS = [
    {"cost_id": f"C-{month}", "cost_month": f"{month}-01", "department": "marketing", "category": "ads",
     "channel": "paid_ads", "amount": _money(amount), "currency_code": "EUR"}
    for month, amount in MARKETING.items()
]

SUBSCRIPTIONS = rows(
    {"product_name": "crm", "currency_code": "EUR", "is_deleted": "false", "updated_at": "2025-01-01 00:00:00"},
    {"subscription_id": "S1", "account_id": "ACC-1", "started_on": "2025-01-05", "mrr_amount": "1000"},
    {"subscription_id": "S2", "account_id": "ACC-2", "started_on": "2025-02-10", "ended_on": "2025-03-15",
     "mrr_amount": "500"},
    {"subscription_id": "S3", "account_id": "ACC-3", "started_on": "2025-04-02", "mrr_amount": "250"},
)

QUOTAS = [
    {"user_id": "U-AE1", "quota_month": "2025-01-01", "quota_amount": _money(REVENUE_TARGET), "currency_code": "EUR"},
    {"user_id": "U-AE2", "quota_month": "2025-01-01", "quota_amount": "100000", "currency_code": "EUR"},
]

ACTIVITIES = rows(
    {"user_id": "U-SDR", "is_deleted": "false", "direction": "outbound"},
    {"activity_id": "A1", "activity_type": "call", "occurred_at": "2025-01-15 10:00:00", "outcome": "meeting_booked"},
    {"activity_id": "A2", "activity_type": "call", "occurred_at": "2025-01-16 10:00:00", "outcome": "no_answer"},
    {"activity_id": "A3", "activity_type": "email", "occurred_at": "2025-02-16 10:00:00", "outcome": "replied"},
    # the last event of the data: the spine ends in May 2025, which is not complete
    {"activity_id": "A4", "activity_type": "call", "occurred_at": "2025-05-20 10:00:00", "outcome": "no_answer"},
)

TABLES = {
    "teams": TEAMS, "users": USERS, "accounts": ACCOUNTS, "pipeline_stages": PIPELINE_STAGES,
    "opportunities": OPPORTUNITIES, "leads": LEADS, "acquisition_costs": ACQUISITION_COSTS,
    "subscriptions": SUBSCRIPTIONS, "quotas": QUOTAS, "activities": ACTIVITIES,
}


@pytest.fixture(scope="module")
def calendar(tmp_path_factory):
    return build_project(TABLES, tmp_path_factory.mktemp("scorecard_calendar"),
                         extra_vars={"at_risk_tolerance_pct": 10})


@pytest.fixture(scope="module")
def fiscal_april(tmp_path_factory):
    return build_project(TABLES, tmp_path_factory.mktemp("scorecard_fiscal_april"),
                         extra_vars={"fiscal_year_start_month": 4})


def _row(build, kpi_name: str, grain: str, period_start: str, scope_type: str = "company",
         scope_id: str = "company") -> dict:
    return one_row(
        build, "kpi_scorecard",
        "kpi_name = ? and period_grain = ? and period_start = ? and scope_type = ? and scope_id = ?",
        [kpi_name, grain, period_start, scope_type, scope_id],
    )


# --------------------------------------------------------------------------------------
# Re-aggregation over a quarter
# --------------------------------------------------------------------------------------

def test_quarter_rate_is_sum_of_parts_not_average_of_rates(calendar):
    monthly = [_row(calendar, "win_rate", "month", m)["value"] for m in ("2025-01-01", "2025-02-01", "2025-03-01")]
    # 1 won / 2 created = 50 %; 3 / 8 = 37.5 %; 1 / 1 = 100 %
    assert monthly == pytest.approx([50.0, 37.5, 100.0])
    quarter = _row(calendar, "win_rate", "quarter", "2025-01-01")
    # (1 + 3 + 1) won / (2 + 8 + 1) created = 5 / 11 = 45.45 %, not (50 + 37.5 + 100) / 3 = 62.5 %
    assert (quarter["numerator"], quarter["denominator"]) == (5, 11)
    assert quarter["value"] == pytest.approx(500 / 11)


def test_quarter_sums_counts_and_amounts(calendar):
    # 450 000 + 409 500 + 400 500 = 1 260 000 € of revenue; 1 + 3 + 1 = 5 deals won
    assert _row(calendar, "revenue", "quarter", "2025-01-01")["value"] == pytest.approx(1_260_000)
    assert _row(calendar, "deals_won", "quarter", "2025-01-01")["value"] == 5
    assert is_null(_row(calendar, "revenue", "quarter", "2025-01-01")["denominator"])


def test_user_rows_only_where_the_person_has_records(calendar):
    # AE2 won nothing and the SDR owns no deal: kpi_revenue has no row for them, nor the scorecard
    for user_id in ("U-AE2", "U-SDR"):
        assert calendar.count(
            "kpi_scorecard", where=f"kpi_name = 'revenue' and scope_type = 'user' and scope_id = '{user_id}'"
        ) == 0


def test_team_and_user_scopes_sum_the_rep(calendar):
    # the team T1 and the rep U-AE1 have the same 5 / 11 as the company: AE1 owns every deal
    for scope_type, scope_id in (("team", "T1"), ("user", "U-AE1")):
        row = _row(calendar, "win_rate", "quarter", "2025-01-01", scope_type, scope_id)
        assert (row["numerator"], row["denominator"]) == (5, 11)


def test_point_in_time_kpi_takes_the_quarters_last_month(calendar):
    # MRR at the end of January 1000, February 1500 (S2 added), March 1000 (S2 ended 15 March)
    monthly = [_row(calendar, "mrr", "month", m)["value"] for m in ("2025-01-01", "2025-02-01", "2025-03-01")]
    assert monthly == pytest.approx([1000, 1500, 1000])
    # Q1's MRR is March's 1000: not the sum 3500 nor the average 1166.67
    assert _row(calendar, "mrr", "quarter", "2025-01-01")["value"] == pytest.approx(1000)


def test_mrr_growth_compares_period_ends(calendar):
    # Q2 so far (April, May): MRR at its end 1250 (S3 added 250), at the end of Q1 1000:
    # (1250 − 1000) / 1000 = 25 %
    q2 = _row(calendar, "mrr_growth_rate", "quarter", "2025-04-01")
    assert (q2["numerator"], q2["denominator"]) == (250, 1000)
    assert q2["value"] == pytest.approx(25.0)
    # Q1: the MRR at the end of the quarter before (December 2024, before the data) is 0:
    # no growth rate
    assert is_null(_row(calendar, "mrr_growth_rate", "quarter", "2025-01-01")["value"])


def test_period_completeness(calendar):
    # the data ends 2025-05-20: April is complete, May is not, nor Q2, nor 2025
    assert _row(calendar, "revenue", "month", "2025-04-01")["is_period_complete"]
    assert not _row(calendar, "revenue", "month", "2025-05-01")["is_period_complete"]
    assert _row(calendar, "revenue", "quarter", "2025-01-01")["is_period_complete"]
    assert not _row(calendar, "revenue", "quarter", "2025-04-01")["is_period_complete"]
    assert not _row(calendar, "revenue", "year", "2025-01-01")["is_period_complete"]


def test_company_rows_for_every_kpi_and_month(calendar):
    catalog = calendar.count("kpi_catalog")
    # 32 KPIs of the catalogue (the 29 of kpis.md and the boards' closed_win_rate,
    # sqls_generated, opportunities_sourced) × 5 spine months, even those without any
    # record (nps: 0 answers)
    assert catalog == 32
    assert calendar.count("kpi_scorecard", where="period_grain = 'month' and scope_type = 'company'") == 32 * 5
    nps = _row(calendar, "nps", "month", "2025-03-01")
    assert (nps["numerator"], nps["denominator"]) == (0, 0)
    assert is_null(nps["value"])


# --------------------------------------------------------------------------------------
# Fiscal year
# --------------------------------------------------------------------------------------

def test_fiscal_year_starting_in_april(fiscal_april):
    months = fiscal_april.query(
        "select month_start, fiscal_year, fiscal_quarter, fiscal_quarter_start, fiscal_year_start"
        " from dim_months order by month_start"
    )
    by_month = {str(row.month_start)[:7]: row for row in months.itertuples()}
    # May 2025 is in Q1 of fiscal 2025 (April 2025 – March 2026), named after its starting year
    may = by_month["2025-05"]
    assert (may.fiscal_year, may.fiscal_quarter) == (2025, 1)
    assert (str(may.fiscal_quarter_start)[:10], str(may.fiscal_year_start)[:10]) == ("2025-04-01", "2025-04-01")
    # January 2025 is in Q4 of fiscal 2024 (April 2024 – March 2025)
    january = by_month["2025-01"]
    assert (january.fiscal_year, january.fiscal_quarter) == (2024, 4)
    assert (str(january.fiscal_quarter_start)[:10], str(january.fiscal_year_start)[:10]) == ("2025-01-01", "2024-04-01")


def test_fiscal_year_periods_in_the_scorecard(fiscal_april):
    # fiscal 2024 holds January–March 2025 of the data: 450 000 + 409 500 + 400 500 = 1 260 000 €
    assert _row(fiscal_april, "revenue", "year", "2024-04-01")["value"] == pytest.approx(1_260_000)
    # fiscal 2025 holds April–May 2025: no deal, 0 €
    assert _row(fiscal_april, "revenue", "year", "2025-04-01")["value"] == 0
    # and there is no calendar year 2025 any more
    assert fiscal_april.count("kpi_scorecard", where="period_grain = 'year' and period_start = '2025-01-01'") == 0


# --------------------------------------------------------------------------------------
# Status against the target and the benchmark
# --------------------------------------------------------------------------------------

@pytest.mark.parametrize("month, status", [
    ("2025-01-01", "on_track"),   # 450 000 = the 450 000 target: met, exactly on target
    ("2025-02-01", "at_risk"),    # 409 500 = 9 % short, within the 10 % tolerance
    ("2025-03-01", "off_track"),  # 400 500 = 11 % short, beyond it
])
def test_target_status_higher_is_better(calendar, month, status):
    row = _row(calendar, "revenue", "month", month)
    assert row["target_value"] == REVENUE_TARGET
    assert row["target_status"] == status


@pytest.mark.parametrize("month, status", [
    ("2025-01-01", "on_track"),   # 300 € / 1 lead = the 300 € target
    ("2025-02-01", "at_risk"),    # 327 € / 1 lead: 9 % over a lower-is-better target
    ("2025-03-01", "off_track"),  # 333 € / 1 lead: 11 % over
])
def test_target_status_lower_is_better(calendar, month, status):
    row = _row(calendar, "cost_per_lead", "month", month)
    assert row["target_value"] == COST_PER_LEAD_TARGET
    assert row["target_status"] == status


def test_status_without_target_or_value(calendar):
    # the seed sets no target for AE1 (only for U002, U003, U005, U006 among the reps)
    assert _row(calendar, "revenue", "month", "2025-01-01", "user", "U-AE1")["target_status"] == "no_target"
    # CAC has a target (40 000) but no new customer in March: no value
    cac = _row(calendar, "cac", "month", "2025-03-01")
    assert cac["target_value"] == 40000
    assert cac["target_status"] == "no_data"


def test_benchmark_status(calendar):
    # win rate of Q1 45.45 % against the 30 % benchmark: met
    assert _row(calendar, "win_rate", "quarter", "2025-01-01")["benchmark_status"] == "on_track"
    # pct of reps at quota in January: 1 of 2 = 50 % against the 60 % benchmark: 16.7 % short
    reps = _row(calendar, "pct_reps_at_quota", "month", "2025-01-01")
    assert reps["value"] == pytest.approx(50.0)
    assert reps["benchmark_status"] == "off_track"


# --------------------------------------------------------------------------------------
# The role boards
# --------------------------------------------------------------------------------------

def _board(build, model: str, user_id: str | None, month: str) -> dict:
    where = "month_start = ?" + (" and user_id = ?" if user_id else "")
    return one_row(build, model, where, [month] + ([user_id] if user_id else []))


def test_boards_have_every_person_and_month(calendar):
    # 2 AEs × 5 months, 1 SDR × 5 months, the company × 5 months
    assert calendar.count("ae_scorecard") == 10
    assert calendar.count("sdr_scorecard") == 5
    assert calendar.count("manager_scorecard") == 5


def test_ae_scorecard(calendar):
    february = _board(calendar, "ae_scorecard", "U-AE1", "2025-02-01")
    # 8 created, 3 won: 37.5 %; 3 won / (3 won + 5 lost) = 37.5 % too
    assert (february["opportunities_created"], february["opportunities_won"]) == (8, 3)
    assert february["win_rate"] == pytest.approx(37.5)
    assert february["closed_win_rate"] == pytest.approx(37.5)
    # 409 500 € over 3 deals = 136 500 €; each deal 17 days (3rd → 20th)
    assert february["revenue"] == pytest.approx(409_500)
    assert february["average_deal_size"] == pytest.approx(136_500)
    assert february["avg_sales_cycle_days"] == pytest.approx(17)
    # no quota in February
    assert is_null(february["quota_amount"]) and is_null(february["quota_attainment"])
    # AE2 in January: a quota of 100 000 €, nothing won: 0 %; nothing created: win rate null
    bob = _board(calendar, "ae_scorecard", "U-AE2", "2025-01-01")
    assert bob["quota_attainment"] == 0
    assert bob["opportunities_created"] == 0 and is_null(bob["win_rate"])


def test_sdr_scorecard(calendar):
    january = _board(calendar, "sdr_scorecard", "U-SDR", "2025-01-01")
    # 2 outbound calls, 1 booked a meeting: 50 %; no email: response rate null
    assert (january["calls_made"], january["total_activities"]) == (2, 2)
    assert january["call_to_meeting_rate"] == pytest.approx(50.0)
    assert is_null(january["email_response_rate"])
    # L-JAN became SQL in January; J-W1 and J-L1 were sourced by the SDR
    assert (january["sqls_generated"], january["opportunities_sourced"]) == (1, 2)


def test_manager_scorecard(calendar):
    january = _board(calendar, "manager_scorecard", None, "2025-01-01")
    assert january["revenue"] == pytest.approx(REVENUE_TARGET)
    assert january["win_rate"] == pytest.approx(50.0)   # 1 won / 2 created
    assert january["pct_reps_at_quota"] == pytest.approx(50.0)  # 1 rep of 2 at quota
    assert january["mrr"] == pytest.approx(1000)


# --------------------------------------------------------------------------------------
# The summary printed at the end of `make build`
# --------------------------------------------------------------------------------------

def _summary(build, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(REPO_ROOT / "scripts" / "scorecard_summary.py"), "--database", str(build.db_path), *args],
        capture_output=True, text=True, env={**os.environ, "NO_COLOR": "", "FORCE_COLOR": "", **env},
    )


def test_summary_shows_the_latest_complete_month(calendar):
    shown = _summary(calendar)
    assert shown.returncode == 0, shown.stderr
    # the data ends 2025-05-20: April is the latest complete month
    assert "April 2025 (latest complete month)" in shown.stdout
    assert "\033[" not in shown.stdout  # not a terminal: no colours
    for family in ("Activity", "Efficiency", "Results", "Retention"):
        assert family in shown.stdout


def test_summary_of_a_chosen_month_in_french(calendar):
    shown = _summary(calendar, "--month", "2025-02", SALES_KPIS_LANG="fr")
    assert shown.returncode == 0, shown.stderr
    assert "février 2025" in shown.stdout
    revenue_line = next(line for line in shown.stdout.splitlines() if "Chiffre d'affaires" in line)
    # 409 500 € against 450 000 €: à surveiller (at risk)
    assert "409\u202f500 €" in revenue_line and "à surveiller" in revenue_line


def test_summary_in_colour_when_forced(calendar):
    shown = _summary(calendar, "--month", "2025-03", FORCE_COLOR="1")
    revenue_line = next(line for line in shown.stdout.splitlines() if "│ Revenue" in line)
    assert "\033[31m" in revenue_line  # off track in red


def test_summary_of_a_month_outside_the_data(calendar):
    shown = _summary(calendar, "--month", "2031-01")
    assert shown.returncode == 1
    assert "2031-01" in shown.stderr
