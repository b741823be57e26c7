"""Personal data stays in staging (spec/data_quality.md, "Personal data").

"The personal data of customers' people -- contacts' first_name, last_name, email, phone --
and the users' email stay in staging. Nothing downstream of staging (intermediate models,
facts, marts, scorecards, semantic models) carries them; a test proves it."

On the demo build, every relation that is neither staging (`stg_*`, `base_*`) nor a raw
seed table (schema ending in `raw_crm`) is scanned: no column may be named like a PII
column, and no text value may equal a PII value of the raw data.
"""

from __future__ import annotations

from contextlib import contextmanager

import duckdb
import pytest

PII_COLUMN_NAMES = {"first_name", "last_name", "email", "phone"}


@contextmanager
def _connect(build):
    """In-memory DuckDB with the built file attached read-only as `built`."""
    con = duckdb.connect()
    try:
        con.execute(f"attach '{build.db_path}' as built (read_only)")
        yield con
    finally:
        con.close()


def _raw_schema(con) -> str:
    schemas = [
        row[0]
        for row in con.execute(
            "select distinct table_schema from information_schema.tables "
            "where table_catalog = 'built' and table_schema like '%raw_crm' and table_name = 'contacts'"
        ).fetchall()
    ]
    assert len(schemas) == 1, f"expected one raw_crm seed schema holding contacts, found {schemas}"
    return schemas[0]


def _load_pii_values(con) -> int:
    """Temp table pii(v): every contacts first/last name, email, phone and users email of the raw data."""
    raw = _raw_schema(con)
    parts = [
        f"select cast({column} as varchar) as v from built.\"{raw}\".contacts"
        for column in ("first_name", "last_name", "email", "phone")
    ] + [f"select cast(email as varchar) as v from built.\"{raw}\".users"]
    con.execute(
        "create or replace temp table pii as "
        f"select distinct lower(trim(v)) as v from ({' union all '.join(parts)}) "
        "where v is not null and trim(v) <> ''"
    )
    return con.execute("select count(*) from pii").fetchone()[0]


def _columns(con, where: str):
    return con.execute(
        "select table_schema, table_name, column_name, data_type from information_schema.columns "
        f"where table_catalog = 'built' and ({where}) order by table_schema, table_name, ordinal_position"
    ).fetchall()


def _downstream_columns(con):
    """Columns of every relation that is neither staging nor a raw seed table."""
    return _columns(
        con,
        "table_name not like 'stg\\_%' escape '\\' and table_name not like 'base\\_%' escape '\\' "
        "and table_schema not like '%raw_crm'",
    )


def find_pii_values(con, columns) -> list[tuple[str, str, str, str]]:
    """(schema, relation, column, value) for each text value equal to a raw PII value."""
    found = []
    for schema, table, column, data_type in columns:
        if not data_type.upper().startswith("VARCHAR"):
            continue
        hits = con.execute(
            f'select distinct cast("{column}" as varchar) from built."{schema}"."{table}" '
            f'where lower(trim(cast("{column}" as varchar))) in (select v from pii) limit 3'
        ).fetchall()
        found += [(schema, table, column, value) for (value,) in hits]
    return found


@pytest.fixture(scope="module")
def scan(demo_build):
    with _connect(demo_build) as con:
        pii_count = _load_pii_values(con)
        downstream = _downstream_columns(con)
        yield con, pii_count, downstream


def test_raw_data_has_personal_data_to_look_for(scan):
    _, pii_count, _ = scan
    assert pii_count > 0


def test_scan_covers_the_downstream_relations(scan):
    _, _, downstream = scan
    relations = {table for _, table, _, _ in downstream}
    # the scan is not vacuous: the marts are among the scanned relations
    assert any(name.startswith("kpi_") for name in relations), sorted(relations)
    assert not any(name.startswith(("stg_", "base_")) for name in relations)


def test_self_check_scanner_finds_pii_in_staged_contacts(scan):
    # the scanner must be able to fail: staging legitimately carries the PII, so it finds it there
    con, _, _ = scan
    contacts = _columns(con, "table_name = 'stg_crm__contacts'")
    assert contacts, "stg_crm__contacts not found"
    hit_columns = {column for _, _, column, _ in find_pii_values(con, contacts)}
    assert {"first_name", "last_name", "email"} <= hit_columns
    users = _columns(con, "table_name = 'stg_crm__users'")
    assert "email" in {column for _, _, column, _ in find_pii_values(con, users)}


def test_no_pii_column_name_downstream_of_staging(scan):
    _, _, downstream = scan
    offenders = [
        f"{schema}.{table}.{column}" for schema, table, column, _ in downstream if column.lower() in PII_COLUMN_NAMES
    ]
    assert offenders == []


def test_no_pii_value_downstream_of_staging(scan):
    con, _, downstream = scan
    offenders = find_pii_values(con, downstream)
    assert offenders == [], "\n".join(f"{s}.{t}.{c} = {v!r}" for s, t, c, v in offenders)
