"""Same numbers on every engine: the KPI marts, kpi_scorecard and dq_quarantine of the demo
data are compared across DuckDB, PostgreSQL and Apache Spark.

Every KPI mart (models/marts/kpis/**), `kpi_scorecard` and `dq_quarantine` must hold the
same rows on the three engines: same columns, same number of rows, and, row by row (rows
sorted on their values), every value equal: money and rates to 1e-9 relative (the engines
round a double's last digit differently), counts, text, dates and flags exactly, a null
where the other engine has a null.

Where each engine's tables come from:

- DuckDB: the `demo_build` fixture (conftest.py): the file of `make build` when current,
  else a fresh build of the demo data.
- PostgreSQL: the schema SALES_KPIS_PG_SCHEMA (default `analytics`) of the server named by
  SALES_KPIS_PG_HOST / _PORT / _USER / _PASSWORD / _DATABASE, built by `dbt build --target
  postgres` before this test (`make test-spark` runs it inside scripts/with_postgres.sh).
- Spark: the parquet files of the Spark warehouse folder, read with DuckDB. `make
  test-spark` runs `dbt build --target spark` and then this test inside
  scripts/with_spark.sh, which keeps the warehouse in SALES_KPIS_SPARK_DIR until both have
  ended. With the throwaway in-memory catalog the table definitions die with the dbt
  process, but every mart is a table (file_format parquet, dbt-spark's default), written
  under <SALES_KPIS_SPARK_DIR>/warehouse/<schema>.db/<table>/: reading those files needs
  no JVM and no second Spark build, and reads exactly what dbt wrote.

The test is marked `engines` and deselected from the plain `make test` (`-m "not
engines"`): it needs the two servers. It never skips: an engine it cannot read (variable
unset, server down, table missing) fails it.
"""

from __future__ import annotations

import datetime as dt
import decimal
import math
import os
from pathlib import Path

import duckdb
import pytest

from dbt_harness import REPO_ROOT, quote_identifier

pytestmark = pytest.mark.engines

# relative tolerance of a non-integer number (money, rates); integers compare exactly
REL_TOL = 1e-9


def compared_relations() -> list[str]:
    kpi_marts = sorted(path.stem for path in (REPO_ROOT / "models" / "marts" / "kpis").rglob("*.sql"))
    assert len(kpi_marts) >= 20, kpi_marts
    return kpi_marts + ["kpi_scorecard", "dq_quarantine"]


RELATIONS = compared_relations()


def required_env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        pytest.fail(f"{name} is not set: run this test through `make test-spark` (scripts/with_postgres.sh and "
                    f"scripts/with_spark.sh set it), after dbt build on that engine")
    return value


def normalized(value):
    """A value as plain Python, alike whatever engine and driver gave it."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() and value.as_tuple().exponent >= 0 else float(value)
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return normalized(value.item())
    return value


def sort_key(row):
    """Rows sorted on their values: nulls first, numbers on 9 significant digits (so an
    engine's last digit never changes the order)."""
    key = []
    for value in row:
        if value is None:
            key.append((0, ""))
        elif isinstance(value, bool):
            key.append((1, str(value)))
        elif isinstance(value, (int, float)):
            key.append((2, f"{float(value):+.9e}" if value else "0"))
        else:
            key.append((3, str(value)))
    return key


def equal(left, right) -> bool:
    if left is None or right is None:
        return left is None and right is None
    if isinstance(left, bool) or isinstance(right, bool):
        return left == right
    if isinstance(left, int) and isinstance(right, int):
        return left == right
    if isinstance(left, (int, float)) and isinstance(right, (int, float)):
        return math.isclose(float(left), float(right), rel_tol=REL_TOL, abs_tol=1e-12)
    return left == right


class Table:
    def __init__(self, columns: list[str], rows: list[tuple]):
        self.columns = [column.lower() for column in columns]
        self.rows = [tuple(normalized(value) for value in row) for row in rows]

    def in_order(self, columns: list[str]) -> list[tuple]:
        index = [self.columns.index(column) for column in columns]
        return sorted((tuple(row[i] for i in index) for row in self.rows), key=sort_key)


def read_duckdb(con, sql: str) -> Table:
    cursor = con.execute(sql)
    columns = [description[0] for description in cursor.description]
    return Table(columns, cursor.fetchall())


@pytest.fixture(scope="module")
def duckdb_tables(demo_build) -> dict[str, Table]:
    con = duckdb.connect(str(demo_build.db_path), read_only=True)
    try:
        return {name: read_duckdb(con, f"select * from main.{quote_identifier(name)}") for name in RELATIONS}
    finally:
        con.close()


@pytest.fixture(scope="module")
def postgres_tables() -> dict[str, Table]:
    import psycopg2

    schema = os.environ.get("SALES_KPIS_PG_SCHEMA", "analytics")
    try:
        connection = psycopg2.connect(
            host=required_env("SALES_KPIS_PG_HOST"),
            port=int(required_env("SALES_KPIS_PG_PORT")),
            user=required_env("SALES_KPIS_PG_USER"),
            password=os.environ.get("SALES_KPIS_PG_PASSWORD", ""),
            dbname=os.environ.get("SALES_KPIS_PG_DATABASE", "sales_kpis"),
            connect_timeout=10,
        )
    except psycopg2.OperationalError as error:
        pytest.fail(f"PostgreSQL unreachable: {error}")
    tables = {}
    try:
        with connection.cursor() as cursor:
            for name in RELATIONS:
                cursor.execute(f"select * from {quote_identifier(schema)}.{quote_identifier(name)}")
                tables[name] = Table([description[0] for description in cursor.description], cursor.fetchall())
    finally:
        connection.close()
    return tables


@pytest.fixture(scope="module")
def spark_tables() -> dict[str, Table]:
    schema = os.environ.get("SALES_KPIS_SPARK_SCHEMA", "analytics")
    warehouse = Path(required_env("SALES_KPIS_SPARK_DIR")) / "warehouse" / f"{schema}.db"
    missing = [name for name in RELATIONS if not list((warehouse / name).glob("*.parquet"))]
    assert not missing, f"no parquet files of {missing} under {warehouse}: did dbt build --target spark run?"
    con = duckdb.connect()
    try:
        return {
            name: read_duckdb(con, f"select * from read_parquet('{warehouse / name}/*.parquet')")
            for name in RELATIONS
        }
    finally:
        con.close()


def differences(name: str, reference: Table, other: Table, engine: str) -> list[str]:
    if sorted(reference.columns) != sorted(other.columns):
        return [f"{name}: columns differ on {engine}: {sorted(set(reference.columns) ^ set(other.columns))}"]
    if len(reference.rows) != len(other.rows):
        return [f"{name}: {len(reference.rows)} rows on DuckDB, {len(other.rows)} on {engine}"]
    columns = reference.columns
    found = []
    for number, (left, right) in enumerate(zip(reference.in_order(columns), other.in_order(columns))):
        for column, a, b in zip(columns, left, right):
            if not equal(a, b):
                found.append(f"{name} row {number} ({dict(zip(columns, left))}): {column} = {a!r} on DuckDB, "
                             f"{b!r} on {engine}")
                break
        if len(found) >= 5:
            break
    return found


def test_demo_relations_are_not_empty(duckdb_tables):
    """The comparison compares something: every KPI mart and the scorecard hold rows (the
    demo data has refused records too, so dq_quarantine is not empty either)."""
    empty = [name for name, table in duckdb_tables.items() if not table.rows]
    assert not empty, empty


@pytest.mark.parametrize("engine", ["postgres", "spark"])
def test_same_numbers_on_every_engine(engine, duckdb_tables, request):
    other_tables = request.getfixturevalue(f"{engine}_tables")
    found = []
    for name in RELATIONS:
        found += differences(name, duckdb_tables[name], other_tables[name], engine)
    assert not found, "\n".join(found)
