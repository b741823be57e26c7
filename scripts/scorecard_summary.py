"""Print the company scorecard of one month: each KPI by family, its value, target and status.

Reads kpi_scorecard and kpi_catalog from the DuckDB file the build wrote; the words and
number formats are those of kpi_text.py (shared with the alerts and the cockpit). The month is the
latest complete month unless --month says otherwise; English unless --lang fr or the
environment variable SALES_KPIS_LANG=fr. Colours when the terminal supports them
(NO_COLOR turns them off, FORCE_COLOR on).

    python scripts/scorecard_summary.py [--month 2025-06] [--lang fr] [--database PATH]
"""

import argparse
import os
import sys
from pathlib import Path

import duckdb
import yaml

from kpi_text import FAMILIES, TEXT, month_label, number, with_unit

REPO_ROOT = Path(__file__).resolve().parent.parent

COLOURS = {"on_track": "32", "at_risk": "33", "off_track": "31", "no_target": "2", "no_data": "2"}


def project_vars():
    """The vars of dbt_project.yml (reporting currency, tolerance)."""
    with (REPO_ROOT / "dbt_project.yml").open() as handle:
        return yaml.safe_load(handle).get("vars", {})


def use_colour(stream):
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty() and os.environ.get("TERM") != "dumb"


def read_scorecard(database, month):
    """The company rows of the month (latest complete one when month is None)."""
    connection = duckdb.connect(str(database), read_only=True)
    try:
        months = connection.execute(
            "select min(period_start), max(period_start), "
            "max(case when is_period_complete then period_start end) "
            "from kpi_scorecard where period_grain = 'month' and scope_type = 'company'"
        ).fetchone()
        chosen = month or (months[2].strftime("%Y-%m") if months[2] else None)
        rows = connection.execute(
            """
            select
                catalog.family, catalog.kpi_name, catalog.label_en, catalog.label_fr,
                catalog.unit, scorecard.value, scorecard.target_value,
                scorecard.target_status, scorecard.benchmark_value, scorecard.benchmark_status
            from kpi_scorecard as scorecard
            inner join kpi_catalog as catalog
                on scorecard.kpi_name = catalog.kpi_name
            where scorecard.period_grain = 'month'
                and scorecard.scope_type = 'company'
                and strftime(scorecard.period_start, '%Y-%m') = ?
            order by catalog.display_order
            """,
            [chosen],
        ).fetchall()
    finally:
        connection.close()
    return chosen, months, rows


def render(month, rows, lang, currency, tolerance, colour, is_latest):
    """The scorecard as lines of text: a title, then one block per family."""
    text = TEXT[lang]
    year, month_number = (int(part) for part in month.split("-"))
    title = text["title"].format(month=month_label(year, month_number, text))
    title += f" ({text['latest'] if is_latest else text['chosen']})"

    def paint(status, cell):
        return f"\033[{COLOURS[status]}m{cell}\033[0m" if colour else cell

    table = []
    for family in FAMILIES:
        family_rows = [row for row in rows if row[0] == family]
        if not family_rows:
            continue
        table.append(("family", text["families"][family]))
        for _, _, label_en, label_fr, unit, value, target, status, benchmark, _ in family_rows:
            table.append((
                "kpi",
                label_fr if lang == "fr" else label_en,
                with_unit(value, unit, text, currency),
                with_unit(target, unit, text, currency) if target is not None else "",
                status,
                with_unit(benchmark, unit, text, currency) if benchmark is not None else "",
            ))
    headers = (text["kpi"], text["value"], text["target"], text["status"], text["benchmark"])
    cells = [row[1:] for row in table if row[0] == "kpi"]
    status_texts = [text["statuses"][row[3]] for row in cells]
    widths = [
        max(len(headers[0]), *(len(row[0]) for row in cells)),
        max(len(headers[1]), *(len(row[1]) for row in cells)),
        max(len(headers[2]), *(len(row[2]) for row in cells)),
        max(len(headers[3]), *(len(status) for status in status_texts)),
        max(len(headers[4]), *(len(row[4]) for row in cells)),
    ]

    def line(left, middle, right):
        return left + middle.join("─" * (width + 2) for width in widths) + right

    lines = [title, line("┌", "┬", "┐")]
    lines.append("│ " + " │ ".join(
        header.ljust(width) if index in (0, 3) else header.rjust(width)
        for index, (header, width) in enumerate(zip(headers, widths))
    ) + " │")
    for row in table:
        if row[0] == "family":
            lines.append(line("├", "┼", "┤"))
            bold = f"\033[1m{row[1]}\033[0m" if colour else row[1]
            lines.append("│ " + bold + " " * (sum(widths) + 3 * len(widths) - 3 - len(row[1])) + " │")
            continue
        _, label, value, target, status, benchmark = row
        status_cell = paint(status, text["statuses"][status].ljust(widths[3]))
        lines.append(
            f"│ {label.ljust(widths[0])} │ {value.rjust(widths[1])} │ {target.rjust(widths[2])} │ "
            f"{status_cell} │ {benchmark.rjust(widths[4])} │"
        )
    lines.append(line("└", "┴", "┘"))
    lines.append(text["legend"].format(tolerance=number(tolerance, 0, text)))
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--month", help="YYYY-MM (default: the latest complete month)")
    parser.add_argument("--lang", choices=sorted(TEXT), default=os.environ.get("SALES_KPIS_LANG") or "en")
    parser.add_argument(
        "--database",
        default=os.environ.get("SALES_KPIS_DUCKDB_PATH", str(REPO_ROOT / "sales_kpis.duckdb")),
    )
    args = parser.parse_args(argv)
    if args.lang not in TEXT:
        parser.error(f"--lang must be one of {', '.join(sorted(TEXT))}")
    text = TEXT[args.lang]
    if not Path(args.database).exists():
        print(text["no_table"].format(database=args.database), file=sys.stderr)
        return 1
    try:
        month, bounds, rows = read_scorecard(args.database, args.month)
    except duckdb.CatalogException:
        print(text["no_table"].format(database=args.database), file=sys.stderr)
        return 1
    if not rows:
        print(text["no_month"].format(month=month, first=bounds[0], last=bounds[1]), file=sys.stderr)
        return 1
    variables = project_vars()
    lines = render(
        month, rows, args.lang,
        currency=variables.get("reporting_currency", "EUR"),
        tolerance=variables.get("at_risk_tolerance_pct", 10),
        colour=use_colour(sys.stdout),
        is_latest=args.month is None,
    )
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
