"""The same story, read from each shape a CRM delivers it in, gives the same KPIs.

The demo story is built from the raw contract tables (the seeds: fixture `demo_build`) and
from every other shape the project reads; every KPI mart, `kpi_scorecard` and the
quarantine must be identical (no tolerance). A shape that cannot carry a field says so here
and in its docs page.

- `csv_folder`: the demo CSVs as a folder of exported files (var crm_path, DuckDB's
  read_csv, every column text), instead of tables.
"""

from __future__ import annotations

import duckdb
import pytest

from dbt_harness import REPO_ROOT, run_dbt_build


def compared_relations(con: duckdb.DuckDBPyConnection, database: str) -> list[str]:
    """Every KPI mart, the scorecards and the quarantine of a build."""
    return [name for (name,) in con.execute(
        "select table_name from duckdb_tables() where database_name = ? and schema_name = 'main' "
        "and (table_name like 'kpi\\_%' escape '\\' or table_name like '%scorecard' "
        "or table_name = 'dq_quarantine') order by table_name",
        [database],
    ).fetchall()]


def differences(reference_db, other_db) -> list[str]:
    """The relations whose rows differ between two builds (rows on one side only, counted)."""
    con = duckdb.connect()
    try:
        con.execute(f"attach '{reference_db}' as reference_build (read_only)")
        con.execute(f"attach '{other_db}' as other_build (read_only)")
        relations = compared_relations(con, "reference_build")
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
