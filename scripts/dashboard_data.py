"""Read the cockpit's data from the marts of a dbt target, through dbt's adapter.

`dbt --quiet run-operation dashboard_data` (macros/dashboard_data.sql) queries the marts
wherever the target built them (ref() resolves the database and schema of any target:
the DuckDB file of `make build`, PostgreSQL, ...) and prints one line, the marker then a
JSON object; fetch() runs it and returns that object. Each part is a dict of columns
(column name -> list of values); rows() turns one into a list of dicts.

Why a run-operation rather than a database driver: the script needs no connection
settings of its own (profiles.yml has them), no knowledge of where each target puts the
marts, and no SQL dialect: the queries are dbt SQL, compiled for the target's engine.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
MARKER = "SALES_KPIS_DASHBOARD_JSON "


class DataUnavailable(RuntimeError):
    """dbt could not read the marts (not built, wrong target, ...): the message says why."""


def dbt_executable() -> str:
    """The dbt next to the running Python (the project's .venv), else the one on PATH."""
    candidate = Path(sys.executable).parent / "dbt"
    if candidate.exists():
        return str(candidate)
    found = shutil.which("dbt")
    if not found:
        raise DataUnavailable(f"no dbt executable next to {sys.executable} nor on PATH")
    return found


def fetch(target: str | None = None, parts: list[str] | None = None, dbt_vars: str | None = None,
          extra_args: list[str] | None = None) -> dict:
    """The JSON object printed by `dbt run-operation dashboard_data` on `target`."""
    command = [dbt_executable(), "--quiet", "run-operation", "dashboard_data",
               "--project-dir", str(REPO_ROOT)]
    if target:
        command += ["--target", target]
    if parts:
        command += ["--args", json.dumps({"parts": parts})]
    if dbt_vars:
        command += ["--vars", dbt_vars]
    command += list(extra_args or [])
    env = dict(os.environ)
    env.setdefault("DBT_PROFILES_DIR", str(REPO_ROOT))
    env.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    completed = subprocess.run(command, cwd=REPO_ROOT, env=env, capture_output=True, text=True)
    for line in completed.stdout.splitlines():
        if line.startswith(MARKER):
            return json.loads(line[len(MARKER):])
    raise DataUnavailable(
        f"`{' '.join(command)}` exited {completed.returncode} without data "
        f"(has `make build` run for this target?)\n{completed.stdout[-4000:]}{completed.stderr[-4000:]}"
    )


def rows(part: dict) -> list[dict]:
    """A part of fetch()'s object (columns) as a list of row dicts."""
    names = list(part)
    return [dict(zip(names, values)) for values in zip(*(part[name] for name in names))]
