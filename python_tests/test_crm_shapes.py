"""The same story, read from each shape a CRM delivers it in, gives the same KPIs.

The demo story is built from the raw contract tables (the seeds: fixture `demo_build`) and
from every other shape the project reads; every KPI mart, `kpi_scorecard` and the
quarantine must be identical (no tolerance). A shape that cannot carry a field says so here
and in its docs page.

- `csv_folder`: the demo CSVs as a folder of exported files (var crm_path, DuckDB's
  read_csv, every column text), instead of tables.
- `hubspot`: the story as the Fivetran HubSpot connector lands it (scripts/demo_crm/
  writers/hubspot.py: connector tables and types, in a schema of their own) plus the
  contract tables HubSpot does not hold (subscriptions, quotas, acquisition costs, NPS,
  exchange rates) in crm_schema, built with crm_source: hubspot. HubSpot numbers its
  records: the quarantine's record ids are HubSpot's, read back as the story's through the
  writer's id map. What HubSpot cannot carry is HUBSPOT_CANNOT_CARRY below.
- `salesforce`: the story as the Fivetran Salesforce connector lands it (scripts/demo_crm/
  writers/salesforce.py: connector tables and types as Parquet, the story's ids as
  Salesforce ids) plus the contract tables Salesforce does not hold (subscriptions,
  acquisition costs, NPS) in crm_schema, built with crm_source: salesforce. What Salesforce
  cannot carry is SALESFORCE_CANNOT_CARRY below.

Both CRM legs are one parametrised leg (fixture `crm_build`, params hubspot and
salesforce: `pytest python_tests/test_crm_shapes.py -k salesforce` runs one).
"""

from __future__ import annotations

import json
import shutil
import sys
import time

import duckdb
import pytest

from dbt_harness import REPO_ROOT, generate_docs, run_dbt_build
from test_doc_coverage import undescribed

sys.path.insert(0, str(REPO_ROOT / "scripts"))
from demo_crm import tell  # noqa: E402
from demo_crm.writers import hubspot, salesforce  # noqa: E402
from demo_crm.writers.contract_csv import load_contract_csvs, write_csv  # noqa: E402

sys.path.pop(0)

# The story's records HubSpot cannot carry as the contract does: the quarantine rows that
# differ (source_table, the story's record_id, reason, unmapped_value: None = the row is
# absent on that side), why, and the KPI they would affect. No KPI mart differs.
HUBSPOT_CANNOT_CARRY = {
    "an activity without id (HubSpot numbers every engagement: the writer leaves it out)": {
        "contract": ("activities", None, "missing_id", None),
        "hubspot": None,
        "kpi": "none (quarantined either way; total_activities if it were kept)",
    },
    "activity_type fax (no such activity in HubSpot: a communication on channel FAX, which no seed maps)": {
        "contract": ("activities", "ACT-006864", "invalid_value", None),
        "hubspot": ("activities", "ACT-006864", "invalid_value",
                    "engagement_communication.hs_communication_channel_type = 'FAX'"),
        "kpi": "none (refused either way); the quarantine shows the unmapped channel",
    },
}

# The story's records Salesforce cannot carry as the contract does (same form). No KPI mart
# differs from the reference build: the contract build of the story with its exchange rates
# as Salesforce holds them (the first entry).
SALESFORCE_CANNOT_CARRY = {
    "exchange rates to 6 decimals (Salesforce keeps EUR -> currency with 6 decimals; inverted "
    "again and rounded, 7 of the 48 GBP/USD rates come back 0.000001 off)": {
        "contract": None,
        "salesforce": None,
        "kpi": "every money KPI of a GBP deal, quota or cost in those 7 months (by cents): the reference "
               "build reads the rates as Salesforce holds them (rates_as_salesforce_holds_them)",
    },
    "an activity without id (Salesforce ids every record: the writer leaves it out)": {
        "contract": ("activities", None, "missing_id", None),
        "salesforce": None,
        "kpi": "none (quarantined either way; total_activities if it were kept)",
    },
    "activity_type fax (no such task type: a task of Type 'Fax', which no seed maps)": {
        "contract": ("activities", "ACT-006864", "invalid_value", None),
        "salesforce": ("activities", "ACT-006864", "invalid_value", "task.type = 'Fax'"),
        "kpi": "none (refused either way); the quarantine shows the unmapped value",
    },
    "an unreadable lead creation time (Salesforce types it): LeadSource 'Fax campaign' instead": {
        "contract": ("leads", "LEAD-00675", "invalid_value", None),
        "salesforce": ("leads", "LEAD-00675", "invalid_value", "lead.lead_source = 'Fax campaign'"),
        "kpi": "none (refused either way); the quarantine shows the unmapped value",
    },
    "an unreadable amount (Salesforce types it): Type 'Pilot' instead": {
        "contract": ("opportunities", "OPP-0379", "invalid_value", None),
        "salesforce": ("opportunities", "OPP-0379", "invalid_value", "opportunity.type = 'Pilot'"),
        "kpi": "none (refused either way); the quarantine shows the unmapped value",
    },
    "a closed deal without close time (Salesforce's is the stage change into the closed stage: "
    "that row of the stage history is left out)": {
        "contract": ("opportunity_stage_history", "OPP-0723|closed_lost|2025-08-12 12:54:09", "orphan_history", None),
        "salesforce": None,
        "kpi": "none (the deal is refused, missing_close_date, either way)",
    },
}

# each CRM shape: its writer, the loader of its connector tables, the quarantine's record
# id read back as the story's, what it cannot carry, and the story's exchange rates as the
# CRM holds them (None: as the contract does)
CRMS = {
    "hubspot": (hubspot.HubspotWriter, hubspot.load_duckdb, hubspot.contract_id, HUBSPOT_CANNOT_CARRY, None),
    "salesforce": (salesforce.SalesforceWriter, salesforce.load_duckdb, lambda table, rid: rid,
                   SALESFORCE_CANNOT_CARRY, salesforce.rates_as_salesforce_holds_them),
}


def compared_relations(con: duckdb.DuckDBPyConnection, database: str) -> list[str]:
    """Every KPI mart, the scorecards and the quarantine of a build."""
    return [name for (name,) in con.execute(
        "select table_name from duckdb_tables() where database_name = ? and schema_name = 'main' "
        "and (table_name like 'kpi\\_%' escape '\\' or table_name like '%scorecard' "
        "or table_name = 'dq_quarantine') order by table_name",
        [database],
    ).fetchall()]


def quarantine_rows(db_path, record_id=lambda table, rid: rid) -> set[tuple]:
    """The quarantine of a build as (source_table, record_id, reason, unmapped_value), its
    record ids read through record_id(table, id)."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        rows = con.execute("select source_table, record_id, reason, unmapped_value from main.dq_quarantine").fetchall()
    finally:
        con.close()
    return {(table, record_id(table, rid), reason, unmapped) for table, rid, reason, unmapped in rows}


def differences(reference_db, other_db, skip: tuple[str, ...] = ()) -> list[str]:
    """The relations whose rows differ between two builds (rows on one side only, counted);
    the relations in `skip` are compared elsewhere."""
    con = duckdb.connect()
    try:
        con.execute(f"attach '{reference_db}' as reference_build (read_only)")
        con.execute(f"attach '{other_db}' as other_build (read_only)")
        relations = [r for r in compared_relations(con, "reference_build") if r not in skip]
        assert len(relations) > 25, relations
        found = []
        for relation in relations:
            for left, right in (("reference_build", "other_build"), ("other_build", "reference_build")):
                rows = con.execute(
                    f"select count(*) from (select * from {left}.main.{relation} except all "
                    f"select * from {right}.main.{relation})"
                ).fetchone()[0]
                if rows:
                    found.append(f"{relation}: {rows} rows of {left} not in {right}")
        return found
    finally:
        con.close()


@pytest.fixture(scope="module")
def csv_folder_build(tmp_path_factory):
    work_dir = tmp_path_factory.mktemp("csv_folder")
    result = run_dbt_build(work_dir, work_dir / "csv_folder.duckdb", {"crm_path": str(REPO_ROOT / "seeds" / "crm")},
                           ["--exclude", "path:seeds/crm"])
    return result.assert_ok()


def test_a_folder_of_csv_files_gives_the_same_kpis(demo_build, csv_folder_build):
    assert not differences(demo_build.db_path, csv_folder_build.db_path)


@pytest.fixture(scope="module", params=list(CRMS))
def crm_export(request, tmp_path_factory):
    """The story written by a CRM's writer: connector tables, and contract/ for the rest."""
    crm = request.param
    written = tmp_path_factory.mktemp(f"{crm}_export")
    CRMS[crm][0]().write(tell(42, 1.0), written)
    return crm, written


def build_crm(crm, work_dir, export, contract_tables=None, unit_tests=False):
    """crm_source: <crm> on the export loaded into a fresh DuckDB file: the connector tables
    in raw_<crm>, the contract tables (those named, or all) in raw_contract."""
    db_path = work_dir / f"{crm}.duckdb"
    con = duckdb.connect(str(db_path))
    try:
        CRMS[crm][1](export, con, f"raw_{crm}")
        load_contract_csvs(export / "contract", con, "raw_contract", contract_tables)
    finally:
        con.close()
    return run_dbt_build(work_dir, db_path,
                         {"crm_source": crm, f"{crm}_schema": f"raw_{crm}", "crm_schema": "raw_contract"},
                         ["--exclude", "path:seeds/crm"], unit_tests=unit_tests)


@pytest.fixture(scope="module")
def crm_build(tmp_path_factory, crm_export):
    crm, export = crm_export
    started = time.monotonic()
    # the adapter's unit tests (enabled for its crm_source only) run in this build
    build = build_crm(crm, tmp_path_factory.mktemp(crm), export, unit_tests=True).assert_ok()
    print(f"\n{crm} leg: written, loaded and built in {time.monotonic() - started:.1f}s")
    return crm, build


@pytest.fixture(scope="module")
def crm_reference(demo_build, crm_build, tmp_path_factory):
    """The contract build the CRM's build must equal: the demo build, or, for a CRM that
    holds the exchange rates otherwise, the demo CSVs as a folder with the rates as it holds
    them."""
    crm, _ = crm_build
    rates_as_held = CRMS[crm][4]
    if rates_as_held is None:
        return demo_build
    work_dir = tmp_path_factory.mktemp(f"{crm}_reference")
    folder = work_dir / "crm"
    shutil.copytree(REPO_ROOT / "seeds" / "crm", folder)
    story = tell(42, 1.0)
    write_csv(folder / "exchange_rates.csv", story.tables["exchange_rates"].columns, rates_as_held(story))
    return run_dbt_build(work_dir, work_dir / "reference.duckdb", {"crm_path": str(folder)},
                         ["--exclude", "path:seeds/crm"]).assert_ok()


def test_a_crm_as_fivetran_lands_it_gives_the_same_kpis(crm_reference, crm_build):
    crm, build = crm_build
    assert not differences(crm_reference.db_path, build.db_path, skip=("dq_quarantine",)), crm


def test_a_crms_quarantine_is_the_contracts_but_what_it_cannot_carry(crm_reference, crm_build):
    crm, build = crm_build
    _, _, record_id, cannot_carry, _ = CRMS[crm]
    contract_rows = quarantine_rows(crm_reference.db_path)
    crm_rows = quarantine_rows(build.db_path, record_id)
    for case in cannot_carry.values():
        if case["contract"]:
            contract_rows.remove(case["contract"])
        if case[crm]:
            crm_rows.remove(case[crm])
    assert crm_rows == contract_rows


def test_a_crm_adapter_is_described(crm_build, tmp_path_factory):
    """Its models, columns, seeds and source (disabled in the demo build, so
    test_doc_coverage does not see them) have descriptions, as the project's rule wants."""
    crm, build = crm_build
    target = generate_docs(build, tmp_path_factory.mktemp(f"{crm}_docs"))
    manifest = json.loads((target / "manifest.json").read_text())
    catalog = json.loads((target / "catalog.json").read_text())
    missing, totals = undescribed(manifest, catalog)
    adapter = {kind: [item for item in items if crm in item] for kind, items in missing.items()}
    assert totals["models"] > 40 and totals["source tables"] > 14, totals
    assert not any(adapter.values()), adapter


# the contract tables crm_schema holds in the partial build (HubSpot's deals need the
# exchange rates; Salesforce holds its quotas and rates), and whether quotas are there
PARTIAL = {"hubspot": (["exchange_rates"], False), "salesforce": ([], True)}


def test_a_crm_without_the_tables_it_does_not_hold(tmp_path_factory, crm_export):
    """crm_schema holds no subscription, cost or NPS answer (nor, for HubSpot, a quota). The
    build passes; the KPIs needing them are empty or null."""
    crm, export = crm_export
    tables, has_quotas = PARTIAL[crm]
    build = build_crm(crm, tmp_path_factory.mktemp(f"{crm}_partial"), export, tables).assert_ok()
    assert build.count("kpi_nps") == 0
    assert (build.count("kpi_quota_attainment") > 0) == has_quotas
    assert build.scalar("select max(mrr) from main.kpi_mrr_growth") == 0
    assert build.scalar("select count(churn_rate) from main.kpi_churn_rate") == 0
    assert build.scalar("select count(cac) from main.kpi_cac") == 0
    assert build.count("kpi_revenue") > 0
