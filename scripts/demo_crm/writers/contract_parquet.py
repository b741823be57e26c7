"""The raw contract as Parquet, one file per table (<table>.parquet): every column VARCHAR,
as a loader delivering text would (so the deliberately unreadable values stay as the CRM
sent them), null where the CSV has an empty field. DuckDB writes the files."""

from __future__ import annotations

from pathlib import Path

from . import Written, table_paths
from .contract_csv import write_csv


def _sql_string(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


class ContractParquetWriter:
    name = "parquet"

    def write(self, story, out_dir: Path) -> list[Written]:
        import duckdb  # only this writer needs it

        written = []
        con = duckdb.connect()
        try:
            for table, path in table_paths(story, out_dir, ".parquet"):
                staging = path.with_name(f".{table.name}.csv.tmp")
                try:
                    n = write_csv(staging, table.columns, table.rows())
                    columns = "{" + ", ".join(f"{_sql_string(c)}: 'VARCHAR'" for c in table.columns) + "}"
                    con.execute(
                        f"copy (select * from read_csv({_sql_string(str(staging))}, header = true, "
                        f"auto_detect = false, delim = ',', quote = '\"', escape = '\"', columns = {columns})) "
                        f"to {_sql_string(str(path))} (format parquet)")
                finally:
                    staging.unlink(missing_ok=True)
                written.append(Written(path, table.name, n))
        finally:
            con.close()
        return written
