"""An incremental build equals a full build of the same data, on DuckDB and PostgreSQL.

The largest table is incremental (base_crm__activities stages again only the records a new,
changed or re-delivered raw row touched; stg_crm__activities and fct_activities are views
over it). The demo data is
loaded in two steps: first every table with the activities before 2025-10-01, built; then
the rest of the activities appended, with three re-syncs of activities of 2024 — an
identical copy (a duplicate), a copy with another outcome (a late-arriving update: the
copies are ranked again, on their content, as a full build ranks them) and a copy marked
deleted — and built again, incrementally. Every table of the project (marts, scorecards,
quarantine, staging tables) must then equal a `--full-refresh` build of the same raw data,
row for row, but for the bookkeeping columns of the incremental model and the views over it
(staged_at, row_fingerprint).

DuckDB always; PostgreSQL when a server is configured (`make test-postgres` runs this file
against its throwaway server: SALES_KPIS_PG_* in the environment).
"""

from __future__ import annotations

import csv
import os

import duckdb
import pytest

from crm_contract import CONTRACT
from dbt_harness import REPO_ROOT, create_raw_tables, run_dbt

CUTOFF = "2025-10-01"
BOOKKEEPING = {"staged_at", "row_fingerprint"}


def demo_rows(table: str) -> list[dict]:
    with (REPO_ROOT / "seeds" / "crm" / f"{table}.csv").open(newline="") as handle:
        return [{k: (v if v != "" else None) for k, v in row.items()} for row in csv.DictReader(handle)]


def two_deliveries() -> tuple[dict[str, list[dict]], list[dict]]:
    """The raw data of the first build, and the activities appended before the second."""
    tables = {table: demo_rows(table) for table in CONTRACT}
    activities = tables["activities"]
    first = [row for row in activities if (row["occurred_at"] or "") < CUTOFF]
    rest = [row for row in activities if (row["occurred_at"] or "") >= CUTOFF]
    old = [row for row in first if row["activity_id"] and (row["occurred_at"] or "").startswith("2024-03")
           and row["activity_type"] == "call" and row["is_deleted"] == "false"]
    duplicate, updated, deleted = old[0], old[1], old[2]
    resyncs = [
        dict(duplicate),
        {**updated, "outcome": "connected" if updated["outcome"] != "connected" else "voicemail"},
        {**deleted, "is_deleted": "true"},
    ]
    return {**tables, "activities": first}, rest + resyncs


# --------------------------------------------------------------------------------------
# DuckDB
# --------------------------------------------------------------------------------------

def _duckdb_tables(con, schema: str) -> dict[str, list[str]]:
    rows = con.execute(
        "select table_name, column_name from information_schema.columns c "
        "where table_schema = ? and exists (select 1 from information_schema.tables t where "
        "t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE') "
        "order by table_name, ordinal_position", [schema]).fetchall()
    tables: dict[str, list[str]] = {}
    for table, column in rows:
        tables.setdefault(table, []).append(column)
    return tables


def test_incremental_equals_full_on_duckdb(tmp_path):
    first, appended = two_deliveries()
    db_path = tmp_path / "incremental.duckdb"
    create_raw_tables(db_path, first)
    dbt_vars = {"crm_schema": "raw_test"}
    build = ["build", "--exclude", "path:seeds/crm", "test_type:unit"]
    run_dbt(build, tmp_path, db_path, dbt_vars).assert_ok()

    con = duckdb.connect(str(db_path))
    columns = list(CONTRACT["activities"]["columns"])
    con.executemany(f"insert into raw_test.activities ({', '.join(columns)}) values ({', '.join('?' * len(columns))})",
                    [[row.get(c) for c in columns] for row in appended])
    con.close()
    incremental = run_dbt(build, tmp_path, db_path, dbt_vars)
    incremental.assert_ok()
    assert "incremental model main.base_crm__activities" in incremental.stdout

    con = duckdb.connect(str(db_path))
    tables = _duckdb_tables(con, "main")
    con.execute("create schema incremental_build")
    for table in tables:
        con.execute(f"create table incremental_build.{table} as select * from main.{table}")
    con.close()
    run_dbt(build + ["--full-refresh"], tmp_path, db_path, dbt_vars).assert_ok()

    con = duckdb.connect(str(db_path), read_only=True)
    assert con.execute("select count(*) from main.stg_crm__activities").fetchone()[0] > 25000
    different = []
    for table, table_columns in tables.items():
        kept = ", ".join(c for c in table_columns if c not in BOOKKEEPING)
        for left, right in (("main", "incremental_build"), ("incremental_build", "main")):
            rows = con.execute(f"select count(*) from (select {kept} from {left}.{table} except all "
                               f"select {kept} from {right}.{table})").fetchone()[0]
            if rows:
                different.append(f"{table}: {rows} rows of {left} not in {right}")
    con.close()
    assert len(tables) > 50
    assert not different, "\n".join(different)


# --------------------------------------------------------------------------------------
# PostgreSQL (only collected when a server is configured: make test-postgres)
# --------------------------------------------------------------------------------------

POSTGRES = os.environ.get("SALES_KPIS_PG_HOST")

if POSTGRES:
    import psycopg2

    def _pg_connect():
        return psycopg2.connect(host=POSTGRES, port=int(os.environ.get("SALES_KPIS_PG_PORT", "5432")),
                                user=os.environ["SALES_KPIS_PG_USER"], password=os.environ.get("SALES_KPIS_PG_PASSWORD", ""),
                                dbname=os.environ.get("SALES_KPIS_PG_DATABASE", "sales_kpis"))

    def _pg_insert(cur, table: str, rows: list[dict]) -> None:
        columns = list(CONTRACT[table]["columns"])
        cur.executemany(f"insert into raw_incremental.{table} ({', '.join(columns)}) "
                        f"values ({', '.join(['%s'] * len(columns))})", [[row.get(c) for c in columns] for row in rows])

    def test_incremental_equals_full_on_postgres(tmp_path):
        first, appended = two_deliveries()
        schema = "incremental_analytics"
        with _pg_connect() as con, con.cursor() as cur:
            for name in ("raw_incremental", schema, "incremental_build"):
                cur.execute(f"drop schema if exists {name} cascade")
            cur.execute("create schema raw_incremental")
            for table, spec in CONTRACT.items():
                cur.execute(f"create table raw_incremental.{table} ({', '.join(c + ' text' for c in spec['columns'])})")
                _pg_insert(cur, table, first.get(table, []))
        target = {"target": "postgres", "env_overrides": {"SALES_KPIS_PG_SCHEMA": schema}}
        dbt_vars = {"crm_schema": "raw_incremental"}
        build = ["build", "--exclude", "path:seeds/crm", "test_type:unit"]
        run_dbt(build, tmp_path, tmp_path / "unused.duckdb", dbt_vars, **target).assert_ok()
        with _pg_connect() as con, con.cursor() as cur:
            _pg_insert(cur, "activities", appended)
        incremental = run_dbt(build, tmp_path, tmp_path / "unused.duckdb", dbt_vars, **target)
        incremental.assert_ok()
        assert f"incremental model {schema}.base_crm__activities" in incremental.stdout

        with _pg_connect() as con, con.cursor() as cur:
            cur.execute("select table_name, column_name from information_schema.columns c where table_schema = %s "
                        "and exists (select 1 from information_schema.tables t where t.table_schema = c.table_schema "
                        "and t.table_name = c.table_name and t.table_type = 'BASE TABLE') "
                        "order by table_name, ordinal_position", [schema])
            tables: dict[str, list[str]] = {}
            for table, column in cur.fetchall():
                tables.setdefault(table, []).append(column)
            cur.execute("create schema incremental_build")
            for table in tables:
                cur.execute(f"create table incremental_build.{table} as select * from {schema}.{table}")
        run_dbt(build + ["--full-refresh"], tmp_path, tmp_path / "unused.duckdb", dbt_vars, **target).assert_ok()

        different = []
        with _pg_connect() as con, con.cursor() as cur:
            for table, table_columns in tables.items():
                kept = ", ".join(c for c in table_columns if c not in BOOKKEEPING)
                for left, right in ((schema, "incremental_build"), ("incremental_build", schema)):
                    cur.execute(f"select count(*) from (select {kept} from {left}.{table} except all "
                                f"select {kept} from {right}.{table}) as differing")
                    rows = cur.fetchone()[0]
                    if rows:
                        different.append(f"{table}: {rows} rows of {left} not in {right}")
        assert len(tables) > 50
        assert not different, "\n".join(different)
