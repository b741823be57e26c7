"""Print the alerts of kpi_alerts for one period: every KPI off track (and every team under
the reps-at-quota threshold), worst first, by scope, with who acts and the decision to take;
then the cohort KPIs still maturing, which raise no alert.

Reads the marts through dbt (scripts/dashboard_data.py: `dbt run-operation dashboard_data`),
so any target works. The period is the latest complete month unless --grain / --period say
otherwise; English unless --lang fr or SALES_KPIS_LANG=fr.

    python scripts/alerts_summary.py [--grain quarter] [--period 2025-10] [--scope team] [--lang fr] [--target dev]
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap

from dashboard_data import DataUnavailable, fetch, rows
from kpi_text import TEXT, date_label, number, period_label, with_unit

SCOPE_ORDER = {"company": 0, "team": 1, "user": 2}
RED, DIM, BOLD, RESET = "\033[31m", "\033[2m", "\033[1m", "\033[0m"


def pick_period(periods, grain, asked):
    """The period of `grain` starting with `asked` (YYYY-MM or YYYY-MM-DD), else the latest complete one."""
    of_grain = [period for period in periods if period["period_grain"] == grain]
    if asked:
        chosen = [period for period in of_grain if period["period_start"].startswith(asked)]
        return chosen[0] if chosen else None
    complete = [period for period in of_grain if period["is_period_complete"]]
    return max(complete or of_grain, key=lambda period: period["period_start"], default=None)


def render(alerts, period, lang, currency, fiscal_start, colour):
    """The alerts of one period as lines of text."""
    text = TEXT[lang]

    def paint(code, cell):
        return f"{code}{cell}{RESET}" if colour else cell

    label = period_label(period["period_grain"], period["period_start"], period["fiscal_year"],
                         period["fiscal_quarter"], text, fiscal_start)
    raised = [alert for alert in alerts if alert["raises_alert"]]
    maturing = [alert for alert in alerts if not alert["raises_alert"]]
    count = text["alert_one"] if len(raised) == 1 else text["alerts_count"].format(count=len(raised))
    lines = [paint(BOLD, f"{label} — {count}")]
    if not raised:
        lines.append(text["no_alerts"])
    scopes = sorted({(alert["scope_type"], alert["scope_id"], alert["scope_name"]) for alert in raised},
                    key=lambda scope: (SCOPE_ORDER[scope[0]], scope[2]))
    for scope_type, scope_id, scope_name in scopes:
        name = text["scopes"]["company"] if scope_type == "company" else f"{text['scopes'][scope_type]} {scope_name}"
        lines.append("")
        lines.append(paint(BOLD, name))
        for alert in sorted((a for a in raised if (a["scope_type"], a["scope_id"]) == (scope_type, scope_id)),
                            key=lambda a: a["alert_rank"]):
            kpi = alert[f"label_{lang}"]
            value = with_unit(alert["value"], alert["unit"], text, currency)
            target = (f"{text['target'].lower()} {with_unit(alert['target_value'], alert['unit'], text, currency)}"
                      if alert["target_value"] is not None else text["no_target_short"])
            why = []
            if alert["shortfall_pct"] is not None:
                why.append(text["shortfall"].format(shortfall=number(alert["shortfall_pct"], 1, text)))
            if alert["is_quota_alert"]:
                why.append(text["quota_alert"].format(threshold=number(alert["quota_alert_threshold_pct"], 0, text)))
            lines.append(f"  {int(alert['alert_rank']):>2}. {paint(RED, kpi)}: {value} ({target}; {', '.join(why)})"
                         f" — {text['who_acts'].format(role=text['roles'][alert['owner_role']])}")
            # a non-breaking space keeps "30 %" on one line
            lines.extend(textwrap.wrap(alert[f"decision_{lang}"].replace(" %", "\u00a0%"), width=96,
                                       initial_indent="      → ", subsequent_indent="        "))
    if maturing:
        lines.append("")
        lines.append(paint(DIM, text["immature_title"]))
        for alert in sorted(maturing, key=lambda a: (SCOPE_ORDER[a["scope_type"]], a["scope_name"], a["alert_rank"])):
            scope = text["scopes"]["company"] if alert["scope_type"] == "company" else alert["scope_name"]
            lines.append(paint(DIM, f"  {alert[f'label_{lang}']} ({scope}): "
                                    f"{with_unit(alert['value'], alert['unit'], text, currency)}, "
                                    f"{text['matures_on'].format(date=date_label(alert['matures_on'], text))}"))
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grain", choices=["month", "quarter", "year"], default="month")
    parser.add_argument("--period", help="the period's first month, YYYY-MM (default: the latest complete one)")
    parser.add_argument("--scope", choices=["all", "company", "team", "user"], default="all")
    parser.add_argument("--lang", choices=sorted(TEXT), default=os.environ.get("SALES_KPIS_LANG") or "en")
    parser.add_argument("--target", help="the dbt target (default: the profile's, the demo DuckDB file)")
    parser.add_argument("--vars", help="dbt --vars, as for the build")
    args = parser.parse_args(argv)
    if args.lang not in TEXT:
        parser.error(f"--lang must be one of {', '.join(sorted(TEXT))}")
    try:
        data = fetch(args.target, ["periods", "alerts"], args.vars)
    except DataUnavailable as error:
        print(error, file=sys.stderr)
        return 1
    period = pick_period(rows(data["periods"]), args.grain, args.period)
    if period is None:
        print(f"no {args.grain} {args.period or ''} in kpi_scorecard", file=sys.stderr)
        return 1
    alerts = [
        alert for alert in rows(data["alerts"])
        if alert["period_grain"] == period["period_grain"] and alert["period_start"] == period["period_start"]
        and args.scope in ("all", alert["scope_type"])
    ]
    colour = not os.environ.get("NO_COLOR") and (bool(os.environ.get("FORCE_COLOR")) or sys.stdout.isatty())
    meta = data["meta"]
    print("\n".join(render(alerts, period, args.lang, meta["reporting_currency"],
                           meta["fiscal_year_start_month"], colour)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
