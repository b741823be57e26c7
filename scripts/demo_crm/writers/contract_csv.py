"""The raw contract as CSV, one file per table (<table>.csv): the header is the contract's
columns in contract order, rows in id order, "\n" line ends, UTF-8, empty field = null.
This is the shape of seeds/crm/."""

from __future__ import annotations

import csv
from pathlib import Path

from . import Written, table_paths


def write_csv(path: Path, columns, rows) -> int:
    """Write one CSV file; returns the number of data rows."""
    n = 0
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(columns)
        for row in rows:
            w.writerow(row)
            n += 1
    return n


class ContractCsvWriter:
    name = "csv"

    def write(self, story, out_dir: Path) -> list[Written]:
        return [Written(path, table.name, write_csv(path, table.columns, table.rows()))
                for table, path in table_paths(story, out_dir, ".csv")]
