"""The raw contract as Parquet, one file per table (<table>.parquet): every column VARCHAR,
as a loader delivering text would (so the deliberately unreadable values stay as the CRM
sent them), null where the CSV has an empty field. The CSV writer writes the tables into a
hidden staging folder, then DuckDB turns each into Parquet."""

from __future__ import annotations

import shutil
from pathlib import Path

from . import Written
from .contract_csv import ContractCsvWriter


def _sql_string(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


class ContractParquetWriter:
    name = "parquet"

    def __init__(self, jobs: int | None = None):
        self.jobs = jobs

    def write(self, story, out_dir: Path) -> list[Written]:
        import duckdb  # only this writer needs it

        out_dir = Path(out_dir)
        staging = out_dir / ".csv-staging"
        written = []
        con = duckdb.connect()
        try:
            for f in ContractCsvWriter(self.jobs).write(story, staging):
                path = out_dir / f"{f.table}.parquet"
                columns = "{" + ", ".join(f"{_sql_string(c)}: 'VARCHAR'" for c in story.tables[f.table].columns) + "}"
                con.execute(
                    f"copy (select * from read_csv({_sql_string(str(f.path))}, header = true, auto_detect = false, "
                    f"delim = ',', quote = '\"', escape = '\"', columns = {columns})) "
                    f"to {_sql_string(str(path))} (format parquet)")
                written.append(Written(path, f.table, f.rows))
        finally:
            con.close()
            shutil.rmtree(staging, ignore_errors=True)
        return written
