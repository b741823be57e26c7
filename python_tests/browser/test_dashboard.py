"""The cockpit (docs/dashboard/index.html) in a real browser: Debian's Chromium, headless,
driven by Playwright for Python (pinned in requirements.txt; it never downloads a browser).

`make test-dashboard` runs this module: it installs chromium with apt-get when absent and
builds the demo DuckDB file when absent. The page is written by scripts/build_dashboard.py
from that file (through `dbt run-operation dashboard_data`), opened from disk, and checked
against the marts read straight from the same file:

- no console error, no page error, no request other than the file itself;
- each board's tiles show kpi_scorecard's value, target, benchmark and status for the
  default period (the latest complete month) and the company;
- a filter (team, rep, grain, period) changes them to the values of the matching
  kpi_scorecard rows; the language switch formats them in French;
- the alerts panel lists exactly kpi_alerts' alerts of the period and scope, worst first,
  and the immature cohort rows apart;
- a screenshot of each board is saved into docs/dashboard/screenshots/;
- with 24 months × 30 reps the page renders each board quickly.

Nothing is skipped: without Chromium or the DuckDB file the tests fail and say why.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
import pytest
from playwright.sync_api import sync_playwright

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = REPO_ROOT / "scripts"
sys.path.insert(0, str(SCRIPTS))

from build_dashboard import BOARDS, render  # noqa: E402
from kpi_text import TEXT, with_unit  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PAGE = REPO_ROOT / "docs" / "dashboard" / "index.html"
SCREENSHOTS = REPO_ROOT / "docs" / "dashboard" / "screenshots"
DATABASE = Path(os.environ.get("SALES_KPIS_DUCKDB_PATH", REPO_ROOT / "sales_kpis.duckdb"))


# ---- the marts, read straight from the DuckDB file ---------------------------------------

class Marts:
    """kpi_scorecard, kpi_alerts and kpi_catalog of the DuckDB file, indexed."""

    def __init__(self, database: Path):
        connection = duckdb.connect(str(database), read_only=True)
        try:
            def records(sql):
                cursor = connection.execute(sql)
                names = [column[0] for column in cursor.description]
                return [dict(zip(names, row)) for row in cursor.fetchall()]

            self.catalog = {row["kpi_name"]: row for row in records("select * from kpi_catalog")}
            self.scorecard = {
                (row["period_grain"], row["period_start"].isoformat(), row["scope_type"], row["scope_id"], row["kpi_name"]): row
                for row in records("select * from kpi_scorecard")
            }
            self.alerts = records("select * from kpi_alerts order by alert_rank")
            self.teams = [row["team_id"] for row in records("select distinct team_id from dim_users where team_id is not null order by 1")]
            self.reps = {row["user_id"]: row for row in records("select * from dim_users")}
        finally:
            connection.close()

    def latest_complete(self, grain: str) -> str:
        return max(start for (g, start, scope, _, _), row in self.scorecard.items()
                   if g == grain and scope == "company" and row["is_period_complete"])

    def alerts_of(self, grain, start, scope_type, scope_id):
        return [row for row in self.alerts if (row["period_grain"], row["period_start"].isoformat(),
                                               row["scope_type"], row["scope_id"]) == (grain, start, scope_type, scope_id)]


@pytest.fixture(scope="module")
def marts() -> Marts:
    if not DATABASE.exists():
        pytest.fail(f"no DuckDB file at {DATABASE}: run `make build` (make test-dashboard does)")
    return Marts(DATABASE)


@pytest.fixture(scope="module")
def page_file(marts) -> Path:
    """docs/dashboard/index.html, written by the real command from the DuckDB file."""
    env = dict(os.environ, SALES_KPIS_DUCKDB_PATH=str(DATABASE))
    env.setdefault("DBT_PROFILES_DIR", str(REPO_ROOT))
    completed = subprocess.run([sys.executable, str(SCRIPTS / "build_dashboard.py"), "--out", str(PAGE)],
                               cwd=REPO_ROOT, env=env, capture_output=True, text=True)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return PAGE


# ---- the browser ---------------------------------------------------------------------------

class Browser:
    """One headless Chromium with a fresh profile; records console errors and requests."""

    def __init__(self, playwright):
        if not CHROMIUM.exists():
            pytest.fail(f"{CHROMIUM} is missing: `make test-dashboard` installs Debian's chromium with apt-get")
        self.profile = tempfile.TemporaryDirectory(prefix="cockpit-chromium-")
        self.context = playwright.chromium.launch_persistent_context(
            self.profile.name, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1440, "height": 1000},
        )
        self.errors: list[str] = []
        self.requests: list[str] = []

    def open(self, path: Path, fragment: str = ""):
        page = self.context.new_page()
        page.on("console", lambda message: self.errors.append(f"console {message.type}: {message.text}")
                if message.type == "error" else None)
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        page.on("request", lambda request: self.requests.append(request.url))
        page.goto(path.as_uri() + (f"#{fragment}" if fragment else ""))
        page.wait_for_selector("body[data-ready='true']")
        return page

    def close(self):
        self.context.close()
        self.profile.cleanup()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        opened = Browser(playwright)
        yield opened
        opened.close()


@pytest.fixture(scope="module")
def page(browser, page_file):
    opened = browser.open(page_file)
    yield opened
    opened.close()


# ---- reading the page ------------------------------------------------------------------------

def tiles(page) -> dict:
    return {tile["kpi"]: tile for tile in page.eval_on_selector_all(".tile[data-kpi]", """tiles => tiles.map(t => ({
        kpi: t.dataset.kpi, status: t.dataset.status,
        value: t.querySelector('[data-role=value]').textContent,
        target: t.querySelector('[data-role=target]') ? t.querySelector('[data-role=target]').textContent : null,
        benchmark: t.querySelector('[data-role=benchmark]') ? t.querySelector('[data-role=benchmark]').textContent : null,
    }))""")}


def panel(page) -> tuple[list[str], list[str]]:
    alerts = page.eval_on_selector_all("aside.alerts li.alert", "items => items.map(i => i.dataset.kpi)")
    maturing = page.eval_on_selector_all("aside.alerts li.immature", "items => items.map(i => i.dataset.kpi)")
    return alerts, maturing


def assert_tiles_show(page, marts, board, grain, start, scope_type, scope_id, lang="en"):
    """Every tile of the board shows its kpi_scorecard row (or no row where there is none)."""
    shown = tiles(page)
    assert list(shown) == BOARDS[board]["tiles"], f"{board}: tiles {list(shown)}"
    text = TEXT[lang]
    immature = {row["kpi_name"] for row in marts.alerts_of(grain, start, "company", "company") if not row["is_mature"]}
    with_rows = 0
    for kpi, tile in shown.items():
        row = marts.scorecard.get((grain, start, scope_type, scope_id, kpi))
        unit = marts.catalog[kpi]["unit"]
        where = f"{board} {grain} {start} {scope_type} {scope_id} {kpi}"
        if row is None:
            assert (tile["value"], tile["status"]) == ("—", "absent"), where
            continue
        with_rows += 1
        assert tile["value"] == with_unit(row["value"], unit, text, "EUR"), where
        assert tile["target"] == with_unit(row["target_value"], unit, text, "EUR"), where
        expected_benchmark = with_unit(row["benchmark_value"], unit, text, "EUR") if row["benchmark_value"] is not None else None
        assert tile["benchmark"] == expected_benchmark, where
        if tile["status"] == "immature":
            assert marts.catalog[kpi]["cohort_lag"], f"{where}: only a cohort KPI can be immature"
        else:
            assert tile["status"] == row["target_status"], where
        if kpi in immature:  # an immature alert of the company is immature for every scope
            assert tile["status"] == "immature", where
    return with_rows


def assert_panel_lists(page, marts, grain, start, scope_type, scope_id):
    rows = marts.alerts_of(grain, start, scope_type, scope_id)
    expected_alerts = [row["kpi_name"] for row in rows if row["raises_alert"]]
    expected_maturing = [row["kpi_name"] for row in rows if not row["raises_alert"]]
    assert panel(page) == (expected_alerts, expected_maturing), f"alerts of {grain} {start} {scope_type} {scope_id}"
    return expected_alerts


# ---- the tests ---------------------------------------------------------------------------------

def test_page_is_one_offline_file(page_file):
    html = page_file.read_text(encoding="utf-8")
    for reference in ("<script src", "<link ", "http://", "https://", "@import", "url("):
        assert reference not in html, f"the page references something outside itself: {reference}"


def test_each_board_shows_kpi_scorecard_for_the_default_period(page, browser, marts):
    month = marts.latest_complete("month")
    assert page.input_value("#period") == month
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for board in BOARDS:
        page.click(f"nav.tabs button[data-board={board}]")
        assert page.get_attribute("#board", "data-board") == board
        assert assert_tiles_show(page, marts, board, "month", month, "company", "company") == len(BOARDS[board]["tiles"])
        page.screenshot(path=str(SCREENSHOTS / f"{board}.png"), full_page=True)
    # the demo's December win rate is 0 % only because its deals are not closed yet
    page.click("nav.tabs button[data-board=ae]")
    assert tiles(page)["win_rate"]["status"] == "immature"
    assert browser.errors == []


def test_filters_change_the_tiles_to_other_kpi_scorecard_rows(page, browser, marts):
    month = marts.latest_complete("month")
    quarter = marts.latest_complete("quarter")
    page.click("nav.tabs button[data-board=team]")
    company = tiles(page)
    team = marts.teams[0]
    page.select_option("#team", team)
    assert assert_tiles_show(page, marts, "team", "month", month, "team", team) > 0
    assert tiles(page)["revenue"]["value"] != company["revenue"]["value"]

    page.select_option("#grain", "quarter")
    assert page.input_value("#period") == quarter
    assert_tiles_show(page, marts, "team", "quarter", quarter, "team", team)

    earlier = sorted({start for (g, start, *_rest) in marts.scorecard if g == "quarter"})[0]
    page.select_option("#period", earlier)
    assert_tiles_show(page, marts, "team", "quarter", earlier, "team", team)

    page.select_option("#grain", "month")
    ae = next(user for user, row in marts.reps.items() if row["role"] == "ae" and row["team_id"] == team
              and ("month", month, "user", user, "revenue") in marts.scorecard)
    page.select_option("#rep", ae)
    page.click("nav.tabs button[data-board=ae]")
    assert assert_tiles_show(page, marts, "ae", "month", month, "user", ae) > 0

    page.click("#lang")
    assert page.get_attribute("html", "lang") == "fr"
    assert_tiles_show(page, marts, "ae", "month", month, "user", ae, lang="fr")
    page.click("#lang")
    page.select_option("#team", "")
    assert page.input_value("#rep") == ""
    assert browser.errors == []


def test_alerts_panel_lists_exactly_the_alerts_of_kpi_alerts(page, browser, marts):
    month = marts.latest_complete("month")
    quarter = marts.latest_complete("quarter")
    page.select_option("#team", "")
    page.select_option("#grain", "month")
    alerts = assert_panel_lists(page, marts, "month", month, "company", "company")
    assert alerts, "the demo's latest month has off-track KPIs"
    assert "win_rate" not in alerts, "an immature cohort raises no alert"
    quota_team = next(row["scope_id"] for row in marts.alerts if row["is_quota_alert"] and row["scope_type"] == "team"
                      and row["period_grain"] == "month" and row["period_start"].isoformat() == month)
    page.select_option("#team", quota_team)
    assert "pct_reps_at_quota" in assert_panel_lists(page, marts, "month", month, "team", quota_team)
    page.select_option("#grain", "quarter")
    assert_panel_lists(page, marts, "quarter", quarter, "team", quota_team)
    page.select_option("#team", "")
    assert_panel_lists(page, marts, "quarter", quarter, "company", "company")
    page.select_option("#grain", "month")
    assert browser.errors == []
    assert all(url.startswith("file://") for url in browser.requests), browser.requests


def test_stays_quick_with_24_months_and_30_reps(browser, tmp_path, page_file):
    """The demo's data with its active reps copied until there are 30 (24 months), rendered board by board."""
    data = json.loads(page_file.read_text(encoding="utf-8").split('id="cockpit-data">', 1)[1].split("</script>", 1)[0]
                      .replace("<\\/", "</"))
    data.pop("page")
    scorecard, people = data["scorecard"], data["people"]
    reps = [user for user, role, left in zip(people["user_id"], people["role"], people["terminated_on"])
            if role in ("ae", "sdr") and left is None]
    assert len(set(data["periods"]["period_start"][i] for i, g in enumerate(data["periods"]["period_grain"]) if g == "month")) >= 24
    user_rows = [i for i, scope in enumerate(scorecard["scope_type"]) if scope == "user"]
    copies = 0
    while len(reps) + copies < 30:
        source = reps[copies % len(reps)]
        clone = f"{source}-COPY{copies}"
        for i in user_rows:
            if scorecard["scope_id"][i] == source:
                for column, values in scorecard.items():
                    values.append(clone if column == "scope_id" else values[i])
        person = people["user_id"].index(source)
        for column, values in people.items():
            values.append(clone if column == "user_id" else values[person] + " (copy)" if column == "full_name" else values[person])
        copies += 1
    big = tmp_path / "big.html"
    big.write_text(render(data), encoding="utf-8")
    page = browser.open(big)
    assert page.eval_on_selector_all("#rep option", "options => options.length") >= 31  # "all reps" + 30
    timings, people_rows = {}, 0
    for board in BOARDS:
        page.click(f"nav.tabs button[data-board={board}]")
        timings[board] = float(page.get_attribute("body", "data-render-ms"))
        if board in ("ae", "sdr"):
            people_rows += page.eval_on_selector_all("table.compare tbody tr", "rows => rows.length")
    page.select_option("#grain", "quarter")
    timings["quarter"] = float(page.get_attribute("body", "data-render-ms"))
    page.close()
    assert people_rows >= 30
    assert max(timings.values()) < 500, timings
    assert browser.errors == []
