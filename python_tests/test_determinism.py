"""Two builds of the same data give the same marts, to the last digit.

Money stays a fixed-point decimal from staging to the marts and every conversion rounds
explicitly, so no sum depends on the order the engine adds rows in. The demo data is built
a second time into its own DuckDB file and every table of the first build (`demo_build`)
is compared with it exactly: no tolerance, nulls equal, duplicate rows counted. The one
column that must differ is `staged_at`, the time a build staged a row (what the incremental
models read as their watermark): it is left out of the comparison, every other column is
compared.
"""

from __future__ import annotations

import duckdb

from dbt_harness import build_demo, quote_identifier

# The build's own clock: the moment a build staged a row, different by design.
BUILD_CLOCK_COLUMNS = {"staged_at"}


def test_two_builds_give_identical_tables(demo_build, tmp_path):
    second = build_demo(tmp_path)
    con = duckdb.connect()
    try:
        con.execute(f"attach '{demo_build.db_path}' as first_build (read_only)")
        con.execute(f"attach '{second.db_path}' as second_build (read_only)")
        tables = [name for (name,) in con.execute(
            "select table_name from duckdb_tables() where database_name = 'first_build' and schema_name = 'main' "
            "order by table_name"
        ).fetchall()]
        assert len(tables) > 40, tables
        different = []
        for table in tables:
            columns = ", ".join(
                quote_identifier(name)
                for (name,) in con.execute(
                    "select column_name from duckdb_columns() where database_name = 'first_build' "
                    "and schema_name = 'main' and table_name = ? order by column_index",
                    [table],
                ).fetchall()
                if name not in BUILD_CLOCK_COLUMNS
            )
            for left, right in (("first_build", "second_build"), ("second_build", "first_build")):
                rows = con.execute(
                    f"select count(*) from (select {columns} from {left}.main.{table} except all "
                    f"select {columns} from {right}.main.{table})"
                ).fetchone()[0]
                if rows:
                    different.append(f"{table}: {rows} rows of {left} not in {right}")
        assert not different, "\n".join(different)
    finally:
        con.close()
