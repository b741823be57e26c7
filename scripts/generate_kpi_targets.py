"""Write the demo SMART targets of seeds/config/kpi_targets.csv.

Targets for 2025, by month and by (calendar) quarter, for the company, the French team
T01, two SDRs (U002, U003) and two Account Executives (U005, U006). Round numbers a sales
leader would set, a little above 2024's level; run it again after editing the tables below:

    python scripts/generate_kpi_targets.py --out seeds/config/kpi_targets.csv
"""

import argparse
import csv
from pathlib import Path

YEAR = 2025

# KPI → monthly target. A count or an amount adds up over a quarter (× 3); a rate, an
# average or a point-in-time value keeps its monthly target.
COMPANY_MONTHLY = {
    "calls_made": 500, "emails_sent": 500, "linkedin_touches": 200, "meetings_held": 110,
    "demos_held": 35, "total_activities": 1400, "email_response_rate": 11,
    "call_to_meeting_rate": 5, "leads_created": 180, "mql_to_sql_rate": 30,
    "lead_conversion_rate": 5, "win_rate": 30, "cost_per_lead": 300, "revenue": 450000,
    "deals_won": 18, "average_deal_size": 25000, "avg_sales_cycle_days": 70,
    "quota_attainment": 100, "pct_reps_at_quota": 60, "upsell_rate": 15,
    "mrr_growth_rate": 1.5, "churn_rate": 1.5, "retention_rate": 98, "nps": 30,
    "cac": 40000, "ltv": 130000, "ltv_to_cac": 3,
}
# mrr: a path from 440 k€ in January to 495 k€ in December (5 k€ a month).
MRR_JANUARY, MRR_MONTHLY_STEP = 440000, 5000

TEAM_MONTHLY = {"T01": {"revenue": 180000, "win_rate": 30, "pct_reps_at_quota": 60, "calls_made": 180}}
USER_MONTHLY = {
    "U002": {"calls_made": 45, "emails_sent": 45, "email_response_rate": 10, "call_to_meeting_rate": 5},
    "U003": {"calls_made": 45, "emails_sent": 45, "email_response_rate": 10, "call_to_meeting_rate": 5},
    "U005": {"revenue": 60000, "deals_won": 2, "win_rate": 35},
    "U006": {"revenue": 80000, "deals_won": 3, "win_rate": 35},
}
ADDITIVE = {
    "calls_made", "emails_sent", "linkedin_touches", "meetings_held", "demos_held",
    "total_activities", "leads_created", "revenue", "deals_won",
}


def rows_for(scope_type, scope_id, monthly):
    """Monthly and quarterly target rows of one scope."""
    for kpi_name, target in monthly.items():
        for month in range(1, 13):
            yield (kpi_name, "month", f"{YEAR}-{month:02d}-01", scope_type, scope_id, target)
        for quarter_month in (1, 4, 7, 10):
            quarterly = target * 3 if kpi_name in ADDITIVE else target
            yield (kpi_name, "quarter", f"{YEAR}-{quarter_month:02d}-01", scope_type, scope_id, quarterly)


def mrr_rows():
    """The company's MRR path: the month's target, and the quarter's last month's."""
    for month in range(1, 13):
        yield ("mrr", "month", f"{YEAR}-{month:02d}-01", "company", "company",
               MRR_JANUARY + MRR_MONTHLY_STEP * (month - 1))
    for quarter_month in (1, 4, 7, 10):
        yield ("mrr", "quarter", f"{YEAR}-{quarter_month:02d}-01", "company", "company",
               MRR_JANUARY + MRR_MONTHLY_STEP * (quarter_month + 1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("seeds/config/kpi_targets.csv"))
    out = parser.parse_args().out
    rows = list(rows_for("company", "company", COMPANY_MONTHLY))
    rows += list(mrr_rows())
    for team_id, monthly in TEAM_MONTHLY.items():
        rows += list(rows_for("team", team_id, monthly))
    for user_id, monthly in USER_MONTHLY.items():
        rows += list(rows_for("user", user_id, monthly))
    rows.append(("revenue", "year", f"{YEAR}-01-01", "company", "company", COMPANY_MONTHLY["revenue"] * 12))
    rows.append(("win_rate", "year", f"{YEAR}-01-01", "company", "company", COMPANY_MONTHLY["win_rate"]))
    with out.open("w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["kpi_name", "period_grain", "period_start", "scope_type", "scope_id", "target_value"])
        writer.writerows(rows)
    print(f"wrote {len(rows)} targets to {out}")


if __name__ == "__main__":
    main()
