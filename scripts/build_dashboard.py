"""Write the cockpit: docs/dashboard/index.html, one self-contained HTML file.

The data comes from the marts through dbt (scripts/dashboard_data.py runs
`dbt run-operation dashboard_data` on the target: the demo DuckDB file of `make build` by
default, any other target with --target); the page's words and number formats are those
of scripts/kpi_text.py; its script, styles and data are inlined (no CDN, no server: it
opens from disk with no network). The charts are hand-made SVG (scripts/dashboard/cockpit.js).

    python scripts/build_dashboard.py [--target postgres] [--vars '{...}'] [--out docs/dashboard/index.html]
    python scripts/build_dashboard.py --data data.json   # a page from data saved with --save-data (tests)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dashboard_data import REPO_ROOT, DataUnavailable, fetch
from kpi_text import CURRENCY_SYMBOLS, TEXT, UNIT_FORMATS

HERE = Path(__file__).resolve().parent / "dashboard"
DEFAULT_OUT = REPO_ROOT / "docs" / "dashboard" / "index.html"

# The four boards: the KPI tiles (kpi_catalog.kpi_name, in this order), the charts, and the
# table comparing teams or reps (role: the people of that role; none: teams, or the reps of
# the team selected).
BOARDS = {
    "company": {
        "tiles": ["revenue", "weighted_pipeline", "pct_reps_at_quota", "quota_attainment",
                  "mrr", "mrr_growth_rate", "cac", "ltv_to_cac",
                  "win_rate", "lead_conversion_rate", "churn_rate", "nps"],
        "charts": ["mrr_bridge", "funnel"],
    },
    "team": {
        "tiles": ["revenue", "quota_attainment", "pct_reps_at_quota", "deals_won",
                  "win_rate", "weighted_pipeline", "total_activities", "mql_to_sql_rate"],
        "table": {"role": None, "kpis": ["revenue", "quota_attainment", "pct_reps_at_quota", "deals_won",
                                         "win_rate", "weighted_pipeline", "total_activities"]},
    },
    "ae": {
        "tiles": ["win_rate", "average_deal_size", "avg_sales_cycle_days", "quota_attainment",
                  "revenue", "deals_won", "weighted_pipeline"],
        "charts": ["funnel"],
        "table": {"role": "ae", "kpis": ["win_rate", "average_deal_size", "avg_sales_cycle_days",
                                         "quota_attainment", "revenue", "deals_won", "weighted_pipeline"]},
    },
    "sdr": {
        "tiles": ["total_activities", "calls_made", "emails_sent", "linkedin_touches",
                  "email_response_rate", "call_to_meeting_rate", "meetings_held", "mql_to_sql_rate"],
        "table": {"role": "sdr", "kpis": ["total_activities", "calls_made", "emails_sent", "email_response_rate",
                                          "call_to_meeting_rate", "mql_to_sql_rate"]},
    },
}


def page_data(data: dict) -> dict:
    """The marts' data plus what the page needs to word and format it."""
    meta = dict(data["meta"])
    as_of = data.get("maturity", {}).get("as_of_date") or [None]
    meta["as_of_date"] = as_of[0]
    return {**data, "meta": meta, "page": {
        "text": TEXT, "unit_formats": UNIT_FORMATS, "currency_symbols": CURRENCY_SYMBOLS, "boards": BOARDS,
    }}


def render(data: dict) -> str:
    """The HTML page: template, styles, script and data in one string."""
    payload = json.dumps(page_data(data), ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace("</", "<\\/")  # never close the script element early
    html = (HERE / "cockpit.html").read_text(encoding="utf-8")
    for marker, content in (("/*__STYLE__*/", (HERE / "cockpit.css").read_text(encoding="utf-8")),
                            ("/*__SCRIPT__*/", (HERE / "cockpit.js").read_text(encoding="utf-8")),
                            ("/*__DATA__*/", payload)):
        html = html.replace(marker, content, 1)
    return html


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", help="the dbt target (default: the profile's, the demo DuckDB file)")
    parser.add_argument("--vars", help="dbt --vars, as for the build")
    parser.add_argument("--out", default=str(DEFAULT_OUT))
    parser.add_argument("--data", help="build from this JSON file (as --save-data writes it) instead of dbt")
    parser.add_argument("--save-data", help="also save the data read from dbt to this JSON file")
    args = parser.parse_args(argv)
    if args.data:
        data = json.loads(Path(args.data).read_text(encoding="utf-8"))
    else:
        try:
            data = fetch(args.target, None, args.vars)
        except DataUnavailable as error:
            print(error, file=sys.stderr)
            return 1
        if args.save_data:
            Path(args.save_data).write_text(json.dumps(data), encoding="utf-8")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(data), encoding="utf-8")
    size = out.stat().st_size / 1e6
    print(f"Dashboard: {out} ({size:.1f} MB, one file: open it in a browser, no server or network needed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
