"""Writers: one per output shape of the story. Each turns a finished `Story` into files in
a folder, and never changes the story.

The interface (what a new writer implements):

    class MyWriter:
        name = "my_shape"                      # the value of --format
        def write(self, story: Story, out_dir: Path) -> list[Written]:
            ...                                # write files under out_dir, say what was written

A writer is made without arguments (writer_for). It reads `story.tables` (the contract
tables: `table.columns`, `table.rows()` as the contract's text, streamed and readable
again; `table.parts(n)` cuts the big ones for writing side by side) and, for the shapes of
a real CRM, the richer facts of the story (`story.users()`, `story.lead_status_changes()`,
`story.opportunity_stage_changes()`, `story.owner_changes()`, `story.defects`). A
Salesforce writer, say, turns leads and lead_status_changes() into Lead and LeadHistory,
opportunities, opportunity_stage_changes() and owner_changes() into Opportunity,
OpportunityHistory and OpportunityFieldHistory, activities into Task and Event. Register
it in WRITERS below; nothing of the story changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ..story import Story


@dataclass(frozen=True)
class Written:
    """One file a writer wrote: its path, the table (or object) it holds, its data rows."""
    path: Path
    table: str
    rows: int


def table_paths(story: "Story", out_dir: Path, suffix: str):
    """(table, path) for every contract table of the story: out_dir/<table><suffix>
    (out_dir is created)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, table in story.tables.items():
        yield table, out_dir / f"{name}{suffix}"


class Writer(Protocol):
    name: str

    def write(self, story: "Story", out_dir: Path) -> list[Written]:
        ...


# the writers, by the --format value that picks them (imported here, after Written)
from .contract_csv import ContractCsvWriter  # noqa: E402
from .contract_parquet import ContractParquetWriter  # noqa: E402
from .hubspot import HubspotWriter  # noqa: E402
from .salesforce import SalesforceWriter  # noqa: E402

WRITERS: dict[str, type] = {
    w.name: w for w in (ContractCsvWriter, ContractParquetWriter, HubspotWriter, SalesforceWriter)
}


def writer_for(name: str) -> Writer:
    """A new writer of the shape `name` (a key of WRITERS)."""
    if name not in WRITERS:
        raise ValueError(f"no writer {name!r}; there are: {', '.join(WRITERS)}")
    return WRITERS[name]()
