"""The customer and revenue KPIs of spec/kpis.md on one small hand-made raw dataset.

The dataset is loaded as text into schema raw_test and the project is built on it ONCE
(module fixture `kpis`, var gross_margin_pct = 80 so that the var is seen to apply); every
test below asserts on that build, with the arithmetic in a comment.

The story (reporting currency EUR; every customer KPI looks at month ends; the spine runs
from 2023-01, the month the accounts were created, to 2024-03, the last NPS answer):

    subscription  account  MRR        started_on  ended_on (first day without service)
    S-A1          ACC-A    100 EUR    2023-01-10  -
    S-C1          ACC-C    200 EUR    2023-01-15  2023-03-01   churns in March ...
    S-C2          ACC-C    250 EUR    2023-05-10  -            ... and comes back in May
    S-B1          ACC-B    100 EUR    2023-02-01  2023-04-15   upsell mid-April ...
    S-B2          ACC-B    150 EUR    2023-04-15  2023-06-20   ... downgrade mid-June
    S-B3          ACC-B    120 EUR    2023-06-20  -
    S-D1          ACC-D    500 EUR    2023-02-05  2023-02-20   inside one month: never a customer
    S-E1          ACC-E    100 GBP    2023-03-10  -            GBP at March's rate 1.15 = 115 EUR
    S-DEL         ACC-A    999 EUR    2023-01-10  -            soft-deleted: never counts

Month-end state (EUR):

    month    A    B    C    E    mrr  start end new react churned  movements
    2023-01  100  -    200  -    300  0     2   2   0     0        new 300
    2023-02  100  100  200  -    400  2     3   1   0     0        new 100
    2023-03  100  100  -    115  315  3     3   1   0     1        new 115, churned 200
    2023-04  100  150  -    115  365  3     3   0   0     0        expansion 50
    2023-05  100  150  250  115  615  3     4   0   1     0        reactivation 250
    2023-06  100  120  250  115  585  4     4   0   0     0        contraction 30
    2023-07 … 2024-03: unchanged, 585, 4 customers, no churn.

Acquisition costs: 2023-01 marketing 600 + sales 300 EUR; 2023-02 marketing 1000 EUR;
2023-03 sales 100 GBP (× 1.15 = 115 EUR); 2023-07 marketing 1000 EUR (no new customer);
2024-06 marketing 5000 EUR (booked ahead, outside the spine).
"""

from __future__ import annotations

import pytest

from crm_rows import rows
from dbt_harness import build_project, is_null, one_row


# --------------------------------------------------------------------------------------
# The raw dataset
# --------------------------------------------------------------------------------------

ACCOUNTS = rows(
    {"industry": "software", "segment": "smb", "country_code": "FR", "owner_id": "U-AE",
     "created_at": "2023-01-05 09:00:00", "is_deleted": "false", "updated_at": "2023-01-05 09:00:00"},
    {"account_id": "ACC-A", "account_name": "Steady SA"},
    {"account_id": "ACC-B", "account_name": "Upsell SARL"},
    {"account_id": "ACC-C", "account_name": "Boomerang SAS"},
    {"account_id": "ACC-D", "account_name": "Trial Only SAS"},
    {"account_id": "ACC-E", "account_name": "London Ltd", "country_code": "GB"},
)

USERS = [
    {"user_id": "U-AE", "full_name": "Ada Exec", "email": "ada@acme.test", "role": "ae", "team_id": "T1",
     "hired_on": "2022-01-03", "is_deleted": "false", "updated_at": "2023-01-01 00:00:00"},
]

TEAMS = [{"team_id": "T1", "team_name": "Team One", "region": "EMEA"}]

SUBSCRIPTIONS = rows(
    {"product_name": "crm", "currency_code": "EUR", "is_deleted": "false", "updated_at": "2023-01-01 00:00:00"},
    {"subscription_id": "S-A1", "account_id": "ACC-A", "started_on": "2023-01-10", "mrr_amount": "100"},
    {"subscription_id": "S-C1", "account_id": "ACC-C", "started_on": "2023-01-15", "ended_on": "2023-03-01",
     "mrr_amount": "200"},
    {"subscription_id": "S-C2", "account_id": "ACC-C", "started_on": "2023-05-10", "mrr_amount": "250"},
    {"subscription_id": "S-B1", "account_id": "ACC-B", "started_on": "2023-02-01", "ended_on": "2023-04-15",
     "mrr_amount": "100"},
    {"subscription_id": "S-B2", "account_id": "ACC-B", "started_on": "2023-04-15", "ended_on": "2023-06-20",
     "mrr_amount": "150"},
    {"subscription_id": "S-B3", "account_id": "ACC-B", "started_on": "2023-06-20", "mrr_amount": "120"},
    {"subscription_id": "S-D1", "account_id": "ACC-D", "started_on": "2023-02-05", "ended_on": "2023-02-20",
     "mrr_amount": "500"},
    {"subscription_id": "S-E1", "account_id": "ACC-E", "started_on": "2023-03-10", "mrr_amount": "100",
     "currency_code": "GBP"},
    {"subscription_id": "S-DEL", "account_id": "ACC-A", "started_on": "2023-01-10", "mrr_amount": "999",
     "is_deleted": "true"},
)

EXCHANGE_RATES = rows(
    {"from_currency": "GBP", "to_currency": "EUR"},
    # S-E1 converts at March 2023's rate, whatever the later rates
    {"rate_month": "2023-03-01", "rate": "1.15"},
    {"rate_month": "2023-04-01", "rate": "1.30"},
    {"rate_month": "2024-03-01", "rate": "1.10"},
) + [
    # the other direction: never inverted, never used
    {"rate_month": "2023-03-01", "from_currency": "EUR", "to_currency": "GBP", "rate": "0.5"},
]

ACQUISITION_COSTS = rows(
    {"category": "ads", "channel": "paid_ads", "currency_code": "EUR"},
    {"cost_id": "C-JAN-M", "cost_month": "2023-01-01", "department": "marketing", "amount": "600"},
    {"cost_id": "C-JAN-S", "cost_month": "2023-01-01", "department": "sales", "category": "salaries",
     "channel": None, "amount": "300"},
    {"cost_id": "C-FEB-M", "cost_month": "2023-02-01", "department": "marketing", "amount": "1000"},
    {"cost_id": "C-MAR-S", "cost_month": "2023-03-01", "department": "sales", "category": "salaries",
     "channel": None, "amount": "100", "currency_code": "GBP"},
    {"cost_id": "C-JUL-M", "cost_month": "2023-07-01", "department": "marketing", "amount": "1000"},
    {"cost_id": "C-AHEAD", "cost_month": "2024-06-01", "department": "marketing", "amount": "5000"},
)

NPS_RESPONSES = rows(
    {"account_id": "ACC-A"},
    # 2023-01: 10, 9 promoters; 7 passive; 3, 0 detractors
    {"response_id": "N1", "responded_at": "2023-01-20 10:00:00", "score": "10"},
    {"response_id": "N2", "responded_at": "2023-01-21 10:00:00", "score": "9"},
    {"response_id": "N3", "responded_at": "2023-01-22 10:00:00", "score": "7"},
    {"response_id": "N4", "responded_at": "2023-01-23 10:00:00", "score": "3"},
    {"response_id": "N5", "responded_at": "2023-01-31 23:59:59", "score": "0"},
    # 2023-06: 8 passive, 6 detractor
    {"response_id": "N6", "responded_at": "2023-06-01 00:00:00", "score": "8", "account_id": "ACC-B"},
    {"response_id": "N7", "responded_at": "2023-06-15 00:00:00", "score": "6", "account_id": "ACC-GHOST"},
    # out of range: quarantined, never counted
    {"response_id": "N8", "responded_at": "2023-06-16 00:00:00", "score": "11"},
    # the latest event of the data: the spine ends in 2024-03
    {"response_id": "N9", "responded_at": "2024-03-15 12:00:00", "score": "10"},
)

DATASET = {
    "teams": TEAMS,
    "users": USERS,
    "accounts": ACCOUNTS,
    "subscriptions": SUBSCRIPTIONS,
    "exchange_rates": EXCHANGE_RATES,
    "acquisition_costs": ACQUISITION_COSTS,
    "nps_responses": NPS_RESPONSES,
}

SPINE_MONTHS = 15  # 2023-01 … 2024-03
GROSS_MARGIN_PCT = 80


@pytest.fixture(scope="module")
def kpis(tmp_path_factory):
    return build_project(DATASET, tmp_path_factory.mktemp("customer_kpis"),
                         extra_vars={"gross_margin_pct": GROSS_MARGIN_PCT})


def _month(kpis, mart: str, month: str) -> dict:
    return one_row(kpis, mart, "month_start = cast(? as date)", [month])


def _customer_month(kpis, account_id: str, month: str) -> dict:
    return one_row(kpis, "fct_customer_months", "account_id = ? and month_start = cast(? as date)",
                   [account_id, month])


# --------------------------------------------------------------------------------------
# Grain: one row per spine month
# --------------------------------------------------------------------------------------

@pytest.mark.parametrize("mart", [
    "kpi_mrr_growth", "kpi_churn_rate", "kpi_retention_rate", "kpi_cac",
    "kpi_customer_lifetime_value", "kpi_ltv_to_cac",
])
def test_customer_marts_have_one_row_per_spine_month(kpis, mart):
    # 2023-01 … 2024-03 = 12 + 3 = 15 months, each once
    frame = kpis.query(f"select month_start from main.{mart} order by month_start")
    assert len(frame) == SPINE_MONTHS
    assert frame["month_start"].is_unique
    assert str(frame["month_start"].iloc[0])[:10] == "2023-01-01"
    assert str(frame["month_start"].iloc[-1])[:10] == "2024-03-01"


def test_customer_month_fact_starts_at_first_active_month(kpis):
    # A, C from 2023-01 (15 rows each), B from 2023-02 (14), E from 2023-03 (13); D never
    counts = kpis.query(
        "select account_id, count(*) as n, min(month_start) as first_month "
        "from main.fct_customer_months group by account_id order by account_id"
    ).set_index("account_id")
    assert counts["n"].to_dict() == {"ACC-A": 15, "ACC-B": 14, "ACC-C": 15, "ACC-E": 13}


# --------------------------------------------------------------------------------------
# MRR and its bridge
# --------------------------------------------------------------------------------------

EXPECTED_MRR = {
    # month: (mrr, previous_mrr, new, reactivation, expansion, contraction, churned)
    "2023-01-01": (300, 0, 300, 0, 0, 0, 0),      # A 100 + C 200, both new
    "2023-02-01": (400, 300, 100, 0, 0, 0, 0),    # B 100 new (D's trial ended on 02-20: not at month end)
    "2023-03-01": (315, 400, 115, 0, 0, 0, 200),  # E 100 GBP × 1.15 new; C ended on 03-01: churned 200
    "2023-04-01": (365, 315, 0, 0, 50, 0, 0),     # B 100 -> 150 on 04-15: expansion 50 at month end
    "2023-05-01": (615, 365, 0, 250, 0, 0, 0),    # C back at 250: reactivation, not new
    "2023-06-01": (585, 615, 0, 0, 0, 30, 0),     # B 150 -> 120 on 06-20: contraction 30
    "2023-07-01": (585, 585, 0, 0, 0, 0, 0),
    "2024-03-01": (585, 585, 0, 0, 0, 0, 0),      # GBP rate of 2024-03 (1.10) changes nothing
}


@pytest.mark.parametrize("month", sorted(EXPECTED_MRR))
def test_mrr_and_movements(kpis, month):
    row = _month(kpis, "kpi_mrr_growth", month)
    got = tuple(float(row[c]) for c in ("mrr", "previous_mrr", "new_mrr", "reactivation_mrr",
                                        "expansion_mrr", "contraction_mrr", "churned_mrr"))
    assert got == tuple(float(v) for v in EXPECTED_MRR[month])


def test_mrr_growth_rate_arr_and_active_customers(kpis):
    # 2023-03: (315 − 400) / 400 × 100 = −21.25; arr = 315 × 12 = 3780; 3 customers (A, B, E)
    row = _month(kpis, "kpi_mrr_growth", "2023-03-01")
    assert float(row["mrr_change"]) == -85
    assert row["mrr_growth_rate"] == pytest.approx(-21.25)
    assert float(row["arr"]) == 3780
    assert row["active_customers"] == 3
    # 2023-05: (615 − 365) / 365 × 100 = 68.49…
    assert _month(kpis, "kpi_mrr_growth", "2023-05-01")["mrr_growth_rate"] == pytest.approx(25000 / 365)


def test_mrr_growth_rate_null_before_any_mrr(kpis):
    # 2023-01: previous_mrr = 0 -> division by zero -> null, not 0
    assert is_null(_month(kpis, "kpi_mrr_growth", "2023-01-01")["mrr_growth_rate"])


def test_gbp_subscription_at_its_start_month_rate(kpis):
    # S-E1: 100 GBP × 1.15 (rate of 2023-03, its start month) = 115 EUR; not 1.30 (2023-04)
    # nor 1.10 (2024-03, the latest)
    sub = kpis.query("select * from main.fct_subscriptions where subscription_id = 'S-E1'").iloc[0]
    assert str(sub["rate_month"])[:10] == "2023-03-01"
    assert float(sub["exchange_rate"]) == pytest.approx(1.15)
    assert float(sub["mrr_amount_reporting"]) == pytest.approx(115)
    # and E's MRR at every month end from March 2023 to March 2024 is 115
    mrrs = kpis.query("select distinct mrr from main.fct_customer_months where account_id = 'ACC-E'")
    assert [float(v) for v in mrrs["mrr"]] == [pytest.approx(115)]


def test_soft_deleted_subscription_never_counts(kpis):
    # S-DEL (999) is soft-deleted: A's MRR is 100 at every month end
    assert kpis.count("fct_subscriptions", where="subscription_id = 'S-DEL'") == 0
    mrrs = kpis.query("select distinct mrr from main.fct_customer_months where account_id = 'ACC-A'")
    assert [float(v) for v in mrrs["mrr"]] == [100]


# --------------------------------------------------------------------------------------
# Customers: new, churned, reactivated, never a customer
# --------------------------------------------------------------------------------------

def test_subscription_inside_one_month_is_never_a_customer(kpis):
    # S-D1 runs 2023-02-05 -> 2023-02-20: active at no month end -> no customer month at all,
    # and February has 1 new customer (B), not 2
    assert kpis.count("fct_customer_months", where="account_id = 'ACC-D'") == 0
    assert _month(kpis, "kpi_retention_rate", "2023-02-01")["new_customers"] == 1


def test_churn_then_reactivation_not_new(kpis):
    # C: active at end of Feb, ended_on 03-01 -> not active at end of Mar: churned in March;
    # not active at end of April; back at end of May: reactivated (active at an earlier month end)
    assert _customer_month(kpis, "ACC-C", "2023-03-01")["movement"] == "churned"
    april = _customer_month(kpis, "ACC-C", "2023-04-01")
    assert april["movement"] == "unchanged" and not april["is_active"]
    may = _customer_month(kpis, "ACC-C", "2023-05-01")
    assert may["movement"] == "reactivation" and may["is_reactivated"] and not may["is_new"]
    retention = _month(kpis, "kpi_retention_rate", "2023-05-01")
    # May: start 3 (A, B, E), end 4, new 0, reactivated 1 -> retained 4 − 0 − 1 = 3, 3 / 3 = 100
    assert (retention["customers_start"], retention["customers_end"], retention["new_customers"],
            retention["reactivated_customers"], retention["retained_customers"]) == (3, 4, 0, 1, 3)
    assert retention["retention_rate"] == pytest.approx(100)
    # a reactivated customer is not new: CAC's new_customers of May is 0
    assert _month(kpis, "kpi_cac", "2023-05-01")["new_customers"] == 0


def test_upsell_mid_month_is_expansion_at_month_end(kpis):
    # B: 100 until 04-15, 150 from 04-15: at the end of April 150, expansion 150 − 100 = 50
    april = _customer_month(kpis, "ACC-B", "2023-04-01")
    assert april["movement"] == "expansion"
    assert float(april["mrr"]) == 150 and float(april["expansion_mrr"]) == 50
    assert _customer_month(kpis, "ACC-B", "2023-06-01")["movement"] == "contraction"


def test_churn_rate(kpis):
    # March: 1 churned (C) of 3 at the start (A, B, C) -> 33.33…
    row = _month(kpis, "kpi_churn_rate", "2023-03-01")
    assert (row["churned_customers"], row["customers_start"]) == (1, 3)
    assert row["churn_rate"] == pytest.approx(100 / 3)
    # February: 0 of 2 -> 0 (not null: there were customers)
    assert _month(kpis, "kpi_churn_rate", "2023-02-01")["churn_rate"] == 0


def test_retention_rate_koban_formula(kpis):
    # March: end 3 (A, B, E) − new 1 (E) − reactivated 0 = 2 retained; 2 / 3 × 100 = 66.67
    # = (start 3 − churned 1) / 3
    row = _month(kpis, "kpi_retention_rate", "2023-03-01")
    assert row["retained_customers"] == 2
    assert row["retention_rate"] == pytest.approx(200 / 3)


def test_no_customer_at_month_start_gives_null_rates(kpis):
    # January 2023: nobody was a customer at the end of December -> 0 / 0 -> null, counts 0
    churn = _month(kpis, "kpi_churn_rate", "2023-01-01")
    assert churn["customers_start"] == 0 and churn["churned_customers"] == 0
    assert is_null(churn["churn_rate"])
    retention = _month(kpis, "kpi_retention_rate", "2023-01-01")
    assert retention["customers_end"] == 2 and retention["new_customers"] == 2
    assert is_null(retention["retention_rate"])


# --------------------------------------------------------------------------------------
# NPS
# --------------------------------------------------------------------------------------

def test_nps(kpis):
    # 2023-01: 2 promoters − 2 detractors = 0 over 5 answers -> nps 0
    row = _month(kpis, "kpi_nps", "2023-01-01")
    assert (row["responses"], row["promoters"], row["passives"], row["detractors"], row["net_promoters"]) == (5, 2, 1, 2, 0)
    assert row["nps"] == 0
    # 2023-06: an 8 and a 6 (score 11 is quarantined): (0 − 1) / 2 × 100 = −50
    row = _month(kpis, "kpi_nps", "2023-06-01")
    assert (row["responses"], row["net_promoters"]) == (2, -1)
    assert row["nps"] == pytest.approx(-50)


def test_nps_only_months_with_answers(kpis):
    # answers in 2023-01, 2023-06 and 2024-03 only
    months = kpis.query("select month_start from main.kpi_nps order by month_start")["month_start"]
    assert [str(m)[:10] for m in months] == ["2023-01-01", "2023-06-01", "2024-03-01"]


def test_nps_flags(kpis):
    # each answer is exactly one of promoter, passive, detractor
    flags = kpis.query("select response_id, is_promoter, is_passive, is_detractor from main.fct_nps_responses")
    assert len(flags) == 8  # N1 … N9 but N8 (quarantined)
    assert (flags[["is_promoter", "is_passive", "is_detractor"]].sum(axis=1) == 1).all()


# --------------------------------------------------------------------------------------
# CAC, LTV, LTV:CAC
# --------------------------------------------------------------------------------------

def test_cac(kpis):
    # January: (600 + 300) / 2 new (A, C) = 450
    row = _month(kpis, "kpi_cac", "2023-01-01")
    assert (float(row["marketing_costs"]), float(row["sales_costs"]), float(row["total_acquisition_costs"])) == (600, 300, 900)
    assert row["new_customers"] == 2 and row["cac"] == pytest.approx(450)
    # March: 100 GBP × 1.15 = 115 sales costs / 1 new (E) = 115
    assert _month(kpis, "kpi_cac", "2023-03-01")["cac"] == pytest.approx(115)


def test_cac_with_costs_and_no_new_customer_is_null(kpis):
    # July 2023: 1000 of costs / 0 new customers -> null, not 0 nor an error
    row = _month(kpis, "kpi_cac", "2023-07-01")
    assert float(row["total_acquisition_costs"]) == 1000 and row["new_customers"] == 0
    assert is_null(row["cac"])


def test_cac_reports_no_month_outside_the_spine(kpis):
    # the 5000 booked for 2024-06 is after the as_of month
    assert kpis.count("kpi_cac", where="month_start > cast('2024-03-01' as date)") == 0
    # and a month without costs has costs 0
    assert float(_month(kpis, "kpi_cac", "2023-08-01")["total_acquisition_costs"]) == 0


def test_ltv_zero_churn_over_twelve_months_is_capped(kpis):
    # 2024-03: window 2023-04 … 2024-03: churned 0; customers_start 3 + 3 + 4 × 10 = 46
    # -> trailing churn 0 -> lifetime capped at 60 months
    # arpa = 585 / 4 = 146.25; ltv = 146.25 × 60 × 80 / 100 = 7020
    row = _month(kpis, "kpi_customer_lifetime_value", "2024-03-01")
    assert (row["trailing_churned_customers"], row["trailing_customers_start"]) == (0, 46)
    assert row["trailing_churn_rate"] == 0
    assert row["expected_lifetime_months"] == 60
    assert row["arpa"] == pytest.approx(146.25)
    assert row["ltv"] == pytest.approx(7020)


def test_ltv_window_still_holding_the_churn(kpis):
    # 2024-02: window 2023-03 … 2024-02 still holds C's churn: 1 / (3 + 3 + 3 + 4 × 9 = 45)
    # -> 2.22 %, lifetime 45 months (under the cap); ltv = 146.25 × 45 × 0.8 = 5265
    row = _month(kpis, "kpi_customer_lifetime_value", "2024-02-01")
    assert (row["trailing_churned_customers"], row["trailing_customers_start"]) == (1, 45)
    assert row["expected_lifetime_months"] == pytest.approx(45)
    assert row["ltv"] == pytest.approx(5265)
    # 2023-03: 1 / (0 + 2 + 3) = 20 % -> 5 months; arpa 315 / 3 = 105; ltv = 105 × 5 × 0.8 = 420
    row = _month(kpis, "kpi_customer_lifetime_value", "2023-03-01")
    assert row["trailing_churn_rate"] == pytest.approx(20)
    assert row["expected_lifetime_months"] == pytest.approx(5)
    assert row["ltv"] == pytest.approx(420)


def test_ltv_null_without_customers_at_start(kpis):
    # 2023-01: trailing customers_start 0 -> churn null -> lifetime null -> ltv null (not the cap)
    row = _month(kpis, "kpi_customer_lifetime_value", "2023-01-01")
    assert is_null(row["trailing_churn_rate"])
    assert is_null(row["expected_lifetime_months"])
    assert is_null(row["ltv"])


def test_ltv_to_cac(kpis):
    # 2023-02: ltv = 400 / 3 × 60 × 0.8 = 6400; cac = 1000 / 1 = 1000 -> 6.4: under_investing
    row = _month(kpis, "kpi_ltv_to_cac", "2023-02-01")
    assert row["ltv_to_cac"] == pytest.approx(6.4)
    assert row["ltv_to_cac_health"] == "under_investing"
    # 2023-03: 420 / 115 = 3.65: healthy
    row = _month(kpis, "kpi_ltv_to_cac", "2023-03-01")
    assert row["ltv_to_cac"] == pytest.approx(420 / 115)
    assert row["ltv_to_cac_health"] == "healthy"
    # 2023-01: ltv null -> ratio null -> health null; 2024-03: cac null -> same
    for month in ("2023-01-01", "2024-03-01"):
        row = _month(kpis, "kpi_ltv_to_cac", month)
        assert is_null(row["ltv_to_cac"]) and row["ltv_to_cac_health"] is None
