"""The raw contract as CSV, one file per table (<table>.csv): the header is the contract's
columns in contract order, rows in id order, "\n" line ends, UTF-8, empty field = null.
This is the shape of seeds/crm/.

A table that comes in several parts (the activities, at a large scale) is written by
worker processes, one part each, while this process writes the other tables; the parts
are then put together in order."""

from __future__ import annotations

import csv
import multiprocessing
import os
import shutil
from pathlib import Path

from . import Written, table_paths


def write_csv(path: Path, columns, rows, header: bool = True) -> int:
    """Write one CSV file as csv.writer(lineterminator="\\n") would; returns the number of
    data rows. A row none of whose fields needs quotes (no comma, quote or line break) is
    joined directly, three times faster than csv.writer; any other goes through csv.writer."""
    n = 0
    commas = len(columns) - 1
    with open(path, "w", newline="", encoding="utf-8", buffering=1 << 20) as fh:
        w = csv.writer(fh, lineterminator="\n")
        if header:
            w.writerow(columns)
        write = fh.write
        for row in rows:
            line = ",".join(row)
            if line and line.count(",") == commas and '"' not in line and "\n" not in line and "\r" not in line:
                write(line + "\n")
            else:
                w.writerow(row)
            n += 1
    return n


_PARTS = {}  # (table, part index) -> (columns, rows callable): what the forked workers write


def _write_part(job: tuple[str, int, str]) -> int:
    name, index, path = job
    columns, rows = _PARTS[(name, index)]
    return write_csv(Path(path), columns, rows(), header=False)


class ContractCsvWriter:
    name = "csv"

    def __init__(self, jobs: int | None = None):
        self.jobs = jobs if jobs is not None else min(2, os.cpu_count() or 1)

    def write(self, story, out_dir: Path) -> list[Written]:
        Path(out_dir).mkdir(parents=True, exist_ok=True)
        split = {}  # table name -> its parts, for the tables that come in several
        for name, table in story.tables.items():
            parts = table.parts(self.jobs) if self.jobs > 1 else []
            if len(parts) > 1:
                split[name] = parts
        if not split:
            return [Written(path, table.name, write_csv(path, table.columns, table.rows()))
                    for table, path in table_paths(story, out_dir, ".csv")]
        _PARTS.clear()
        jobs = []
        for name, parts in split.items():
            for i, rows in enumerate(parts):
                _PARTS[(name, i)] = (story.tables[name].columns, rows)
                jobs.append((name, i, str(Path(out_dir) / f".{name}.csv.part{i}")))
        written = []
        with multiprocessing.get_context("fork").Pool(min(self.jobs, len(jobs))) as pool:
            pending = pool.map_async(_write_part, jobs, chunksize=1)
            for table, path in table_paths(story, out_dir, ".csv"):  # the others, meanwhile
                if table.name not in split:
                    written.append(Written(path, table.name, write_csv(path, table.columns, table.rows())))
            counts = dict(zip(((name, i) for name, i, _ in jobs), pending.get()))
        _PARTS.clear()
        for table, path in table_paths(story, out_dir, ".csv"):
            if table.name in split:
                written.append(Written(path, table.name, self._join(table, path, split[table.name], counts)))
        order = list(story.tables)
        return sorted(written, key=lambda f: order.index(f.table))

    @staticmethod
    def _join(table, path: Path, parts, counts) -> int:
        """The header, then the parts in order (their files are removed)."""
        write_csv(path, table.columns, [])
        with open(path, "ab") as out:
            for i in range(len(parts)):
                part = path.with_name(f".{table.name}.csv.part{i}")
                with open(part, "rb") as fh:
                    shutil.copyfileobj(fh, out, 1 << 20)
                part.unlink()
        return sum(counts[(table.name, i)] for i in range(len(parts)))


def load_contract_csvs(folder: Path, con, schema: str, tables=None) -> None:
    """The contract tables written under contract/ (or those of them named in `tables`) as
    VARCHAR tables of `schema`."""
    con.execute(f'create schema if not exists "{schema}"')
    for path in sorted(Path(folder).glob("*.csv")):
        if tables is not None and path.stem not in tables:
            continue
        with open(path, newline="", encoding="utf-8") as fh:
            columns = next(csv.reader(fh))
        types = "{" + ", ".join(f"'{c}': 'VARCHAR'" for c in columns) + "}"
        con.execute(f'create or replace table "{schema}"."{path.stem}" as select * from read_csv('
                    f"'{path}', header = true, auto_detect = false, columns = {types})")
