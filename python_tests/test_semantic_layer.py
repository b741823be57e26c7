"""The MetricFlow semantic layer agrees with the KPI marts, on the demo build.

Every metric of models/semantic/ is queried by month with the `mf` CLI (one call for all
every KPI of the catalogue) against the DuckDB file of the session's `demo_build`, and each month's value is
compared with the company-level value computed from the KPI's mart: the mart's numerator
and denominator columns summed over all its rows of the month, then divided (a count or an
amount is its own sum). The marts are finer than the company for many KPIs (kpi_win_rate is
month × owner × segment × type), so this also proves that the ratio metrics re-aggregate by
summing their parts. A second call by quarter checks the period rules of kpi_scorecard:
rates sum their parts over the months, point-in-time KPIs take the last month, and
mrr_growth_rate compares the end of the quarter with the end of the quarter before.

`mf` reads the semantic manifest from `<project>/target/semantic_manifest.json`; the demo
build wrote its own under a private target path, so `mf` runs in a small project folder
whose dbt_project.yml is the repository's and whose target/ is the demo build's.
"""

from __future__ import annotations

import csv
import json
import math
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from dbt_harness import REPO_ROOT, is_null, profiles_dir

KPI_CATALOG_CSV = REPO_ROOT / "seeds" / "config" / "kpi_catalog.csv"


def _catalogue() -> dict[str, dict]:
    """The project's KPI catalogue (seeds/config/kpi_catalog.csv), by kpi_name."""
    with KPI_CATALOG_CSV.open() as handle:
        return {row["kpi_name"]: row for row in csv.DictReader(handle)}


def _kpis() -> dict[str, tuple[str, str, str | None, str]]:
    """kpi_name -> (mart, numerator, denominator, kind), from the catalogue: the mart columns
    its formula names (× 100 in the numerator for a percentage or the NPS), and how a value
    over several months or rows combines:
      "sum"    a count or an amount: the sum (no record gives 0);
      "ratio"  sum of numerators / sum of denominators (a zero denominator gives null);
      "point"  point-in-time: the value (or the ratio of the parts) of the period's last month;
      "growth" mrr_growth_rate: (MRR at the end − MRR at the end of the period before) / the latter.
    """
    kinds = {"point_in_time": "point", "period_change": "growth"}
    kpis = {}
    for name, entry in _catalogue().items():
        scale = "100 * " if entry["unit"] in ("percent", "score") else ""
        denominator = entry["denominator_column"] or None
        kind = kinds.get(entry["aggregation"], "ratio" if denominator else "sum")
        kpis[name] = (entry["source_mart"], scale + entry["numerator_column"], denominator, kind)
    return kpis


KPIS = _kpis()

# by quarter: a few of each kind
QUARTER_KPIS = ["win_rate", "churn_rate", "nps", "cac", "revenue", "mrr", "mrr_growth_rate", "ltv", "ltv_to_cac"]

REL_TOL = 1e-9


# --------------------------------------------------------------------------------------
# running mf on the demo build
# --------------------------------------------------------------------------------------

def _mf_executable() -> str:
    candidate = Path(sys.executable).parent / "mf"
    if not candidate.exists():
        pytest.fail(f"no mf executable next to {sys.executable}: `make build` installs dbt-metricflow")
    return str(candidate)


@pytest.fixture(scope="module")
def mf_project(demo_build, tmp_path_factory) -> dict:
    """A folder mf can run in on the demo build: the repo's dbt_project.yml, the demo
    build's target/ (its semantic_manifest.json), and the environment of its profile."""
    work_dir = demo_build.db_path.parent
    target = demo_build.target
    assert (target / "semantic_manifest.json").exists(), f"the demo build wrote no semantic manifest in {target}"
    project = tmp_path_factory.mktemp("mf_project")
    (project / "dbt_project.yml").symlink_to(REPO_ROOT / "dbt_project.yml")
    (project / "target").symlink_to(target, target_is_directory=True)
    env = dict(os.environ)
    env.update(
        {
            "SALES_KPIS_DUCKDB_PATH": str(demo_build.db_path),
            "DBT_PROFILES_DIR": str(profiles_dir(work_dir)),
            "DBT_PROJECT_DIR": str(project),
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
            "DO_NOT_TRACK": "1",
        }
    )
    return {"dir": project, "env": env}


def mf_query(mf_project: dict, metrics: list[str], group_by: list[str], out: Path) -> dict[tuple, dict[str, float | None]]:
    """`mf query --metrics ... --group-by ... --csv out`: {(period start, *other group-by
    values): {metric: value}}; the time group-by comes first."""
    command = [_mf_executable(), "query", "--metrics", ",".join(metrics), "--group-by", ",".join(group_by),
               "--csv", str(out)]
    completed = subprocess.run(command, cwd=mf_project["dir"], env=mf_project["env"], capture_output=True, text=True)
    assert completed.returncode == 0 and out.exists(), (
        f"$ {' '.join(command)}\nexit code {completed.returncode}\n{completed.stdout}\n{completed.stderr}"
    )
    rows: dict[tuple, dict[str, float | None]] = {}
    with out.open(newline="") as handle:
        for row in csv.DictReader(handle):
            key = (date.fromisoformat(row.pop(group_by[0])[:10]), *(row.pop(name) for name in group_by[1:]))
            assert key not in rows, f"two rows for {key}"
            rows[key] = {name: (float(value) if value not in ("", None) else None) for name, value in row.items()}
    return rows


def _by_period(rows: dict[tuple, dict]) -> dict[date, dict]:
    return {period: values for (period,), values in rows.items()}


@pytest.fixture(scope="module")
def by_month(mf_project, tmp_path_factory):
    out = tmp_path_factory.mktemp("mf_month") / "by_month.csv"
    return _by_period(mf_query(mf_project, list(KPIS), ["metric_time__month"], out))


@pytest.fixture(scope="module")
def by_quarter(mf_project, tmp_path_factory):
    out = tmp_path_factory.mktemp("mf_quarter") / "by_quarter.csv"
    return _by_period(mf_query(mf_project, QUARTER_KPIS, ["metric_time__quarter"], out))


# --------------------------------------------------------------------------------------
# the company-level values from the marts
# --------------------------------------------------------------------------------------

def mart_parts(build, kpi: str) -> dict[date, tuple[float | None, float | None]]:
    """{month_start: (sum of the numerator, sum of the denominator)} over the mart's rows."""
    mart, numerator, denominator, _ = KPIS[kpi]
    frame = build.query(
        f"select month_start, cast(sum({numerator}) as double) as numerator, "
        f"cast(sum({denominator or 'null'}) as double) as denominator "
        f"from main.{mart} group by month_start"
    )
    return {
        (row.month_start.date() if hasattr(row.month_start, "date") else row.month_start): (
            None if is_null(row.numerator) else float(row.numerator),
            None if is_null(row.denominator) else float(row.denominator),
        )
        for row in frame.itertuples()
    }


def _divide(numerator, denominator):
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator


def company_value(kpi: str, parts: list[tuple[float | None, float | None]]):
    """The company value of a period from the (numerator, denominator) of its months, in
    month order; no month at all is no record."""
    _, _, denominator_column, kind = KPIS[kpi]
    if not parts:
        return None
    numerators = [n for n, _ in parts if n is not None]
    denominators = [d for _, d in parts if d is not None]
    if kind == "sum":
        return sum(numerators)
    if kind == "point":  # the last month's value (or ratio of its parts)
        numerator, denominator = parts[-1]
        return numerator if denominator_column is None else _divide(numerator, denominator)
    if kind == "ratio":
        return _divide(sum(numerators) if numerators else None, sum(denominators) if denominators else None)
    if kind == "growth":  # the sum of the monthly changes over the MRR at the end of the period before
        return _divide(sum(numerators) if numerators else None, parts[0][1])
    raise ValueError(kind)


def normalized(kpi: str, value):
    """A count or an amount over no record is 0: MetricFlow has no row (null) where a mart
    has a 0 (ltv keeps its null: a null trailing churn gives a null ltv)."""
    if value is None and KPIS[kpi][2] is None and kpi != "ltv":
        return 0.0
    return value


def assert_agree(kpi: str, period: date, got, expected):
    got, expected = normalized(kpi, got), normalized(kpi, expected)
    if expected is None or got is None:
        assert got is None and expected is None, f"{kpi} {period}: semantic layer {got!r}, mart {expected!r}"
        return
    assert math.isclose(got, expected, rel_tol=REL_TOL, abs_tol=1e-12), (
        f"{kpi} {period}: semantic layer {got!r}, mart {expected!r}"
    )


# --------------------------------------------------------------------------------------
# tests
# --------------------------------------------------------------------------------------

def _input_name(metric_input) -> str:
    return metric_input if isinstance(metric_input, str) else metric_input["name"]


def test_every_kpi_is_a_metric_made_of_the_catalogues_parts(mf_project):
    """Each KPI of kpi_catalog is a metric of the same name, and the catalogue's numerator and
    denominator columns name its parts: a simple metric sums the measure of the numerator
    column; a ratio metric divides the metric of the numerator column (suffixed _x100 for a
    percentage or the NPS) by the metric of the denominator column (prefixed period_end_
    for a point-in-time KPI, whose parts are those of the period's last month)."""
    manifest = json.loads((mf_project["dir"] / "target" / "semantic_manifest.json").read_text())
    metrics = {metric["name"]: metric for metric in manifest["metrics"]}
    missing = sorted(set(KPIS) - set(metrics))
    assert not missing, f"no metric for {missing}"
    catalogue = _catalogue()
    for kpi, (_, _, denominator, kind) in KPIS.items():
        metric, entry = metrics[kpi], catalogue[kpi]
        assert metric["label"] and metric["description"], kpi
        params = metric["type_params"]
        if denominator is None:
            assert metric["type"] == "simple", f"{kpi} is {metric['type']}, not the sum of its numerator"
            assert params["measure"]["name"] == entry["numerator_column"], (kpi, params["measure"])
            continue
        assert metric["type"] == "ratio", f"{kpi} is {metric['type']}, not a ratio of its parts"
        prefix = "period_end_" if kind == "point" else ""
        suffix = "_x100" if entry["unit"] in ("percent", "score") else ""
        assert _input_name(params["numerator"]) == prefix + entry["numerator_column"] + suffix, (kpi, params["numerator"])
        assert _input_name(params["denominator"]) == prefix + entry["denominator_column"], (kpi, params["denominator"])


@pytest.mark.parametrize("kpi", list(KPIS))
def test_monthly_value_equals_the_marts_company_value(demo_build, by_month, kpi):
    parts = mart_parts(demo_build, kpi)
    assert len(parts) >= 6, f"{KPIS[kpi][0]} has {len(parts)} months on the demo data"
    # the mart's months, and any month the semantic layer reports a value in
    months = sorted(set(parts) | {month for month, row in by_month.items() if row[kpi] is not None})
    for month in months:
        expected = company_value(kpi, [parts[month]] if month in parts else [])
        assert_agree(kpi, month, by_month.get(month, {}).get(kpi), expected)


@pytest.mark.parametrize("kpi", QUARTER_KPIS)
def test_quarterly_value_follows_the_period_rules(demo_build, by_quarter, kpi):
    parts = mart_parts(demo_build, kpi)
    quarters: dict[date, list] = {}
    for month in sorted(parts):
        quarter = date(month.year, 3 * ((month.month - 1) // 3) + 1, 1)
        quarters.setdefault(quarter, []).append(parts[month])
    assert len(quarters) >= 4, quarters.keys()
    for quarter, quarter_parts in quarters.items():
        assert_agree(kpi, quarter, by_quarter.get(quarter, {}).get(kpi), company_value(kpi, quarter_parts))


def test_cost_per_lead_by_channel_equals_the_mart_row_by_row(demo_build, mf_project, tmp_path):
    """A ratio across two semantic models (costs, leads) joined on entity `channel`, at the
    mart's own grain: a channel with leads and no cost has a cost per lead of 0, one with
    costs and no lead a null one."""
    got = mf_query(mf_project, ["cost_per_lead", "leads_created"], ["metric_time__month", "channel"],
                   tmp_path / "by_channel.csv")
    mart = demo_build.query("select month_start, channel, cost_per_lead, leads_created from main.kpi_cost_per_lead")
    assert len(mart) >= 50
    for row in mart.itertuples():
        key = (row.month_start.date() if hasattr(row.month_start, "date") else row.month_start, row.channel)
        assert key in got, f"no semantic layer row for {key}"
        expected = None if is_null(row.cost_per_lead) else float(row.cost_per_lead)
        value = got[key]["cost_per_lead"]
        if expected is None:
            assert value is None, f"{key}: semantic layer {value!r}, mart null"
        else:
            assert value is not None and math.isclose(value, expected, rel_tol=REL_TOL, abs_tol=1e-12), (
                f"{key}: semantic layer {value!r}, mart {expected!r}"
            )
        assert (got[key]["leads_created"] or 0) == row.leads_created, key
    assert len(got) == len(mart), sorted(set(got) - {(r.month_start.date(), r.channel) for r in mart.itertuples()})
