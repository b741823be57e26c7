"""Build the dbt project on a dataset of our own and query what it built.

    result = build_project({"opportunities": [{"opportunity_id": "OPP-1", ...}]}, tmp_path)
    result.query("select * from main.dq_quarantine")   # -> pandas DataFrame

build_project() creates a fresh DuckDB file, a schema `raw_test` holding every table of the
raw CRM contract (all columns VARCHAR, as a loader delivering text would; a table not given
is created empty; a key missing from a row is NULL), then runs

    dbt build --vars '{crm_schema: raw_test, ...}' --exclude path:seeds/crm

with its own --target-path / --log-path, so it never touches a developer's target/.
"""

from __future__ import annotations

import json
import math
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from crm_contract import CONTRACT

REPO_ROOT = Path(__file__).resolve().parent.parent
RAW_SCHEMA = "raw_test"
MODEL_SCHEMA = "main"


class BuildFailed(AssertionError):
    """dbt exited non-zero; the message carries dbt's output."""


def dbt_executable() -> str:
    """The dbt next to the running Python (the project's .venv), else the one on PATH."""
    candidate = Path(sys.executable).parent / "dbt"
    if candidate.exists():
        return str(candidate)
    found = shutil.which("dbt")
    if found:
        return found
    raise RuntimeError(f"no dbt executable next to {sys.executable} nor on PATH")


def profiles_dir(work_dir: Path) -> Path:
    """The repo's profiles.yml, or profiles.yml.example copied into a private dir."""
    if (REPO_ROOT / "profiles.yml").exists():
        return REPO_ROOT
    private = work_dir / "profiles"
    private.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(REPO_ROOT / "profiles.yml.example", private / "profiles.yml")
    return private


def quote_identifier(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def create_raw_tables(db_path: Path, tables: dict[str, list[dict]], schema: str = RAW_SCHEMA) -> None:
    """Create every contract table in `schema`, all VARCHAR, and insert the given rows."""
    unknown = set(tables) - set(CONTRACT)
    if unknown:
        raise ValueError(f"not contract tables: {sorted(unknown)}")
    con = duckdb.connect(str(db_path))
    try:
        con.execute(f"create schema if not exists {quote_identifier(schema)}")
        for table, spec in CONTRACT.items():
            columns = list(spec["columns"])
            column_ddl = ", ".join(f"{quote_identifier(c)} varchar" for c in columns)
            con.execute(f"create table {quote_identifier(schema)}.{quote_identifier(table)} ({column_ddl})")
            rows = tables.get(table) or []
            for row in rows:
                extra = set(row) - set(columns)
                if extra:
                    raise ValueError(f"{table}: columns not in the contract: {sorted(extra)}")
            if rows:
                placeholders = ", ".join("?" for _ in columns)
                con.executemany(
                    f"insert into {quote_identifier(schema)}.{quote_identifier(table)} values ({placeholders})",
                    [[None if row.get(c) is None else str(row.get(c)) for c in columns] for row in rows],
                )
    finally:
        con.close()


@dataclass
class BuildResult:
    db_path: Path
    command: list[str]
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    vars: dict = field(default_factory=dict)
    target_path: Path | None = None  # the build's dbt target folder (default: next to db_path)

    @property
    def target(self) -> Path:
        return self.target_path or self.db_path.parent / "target"

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def output(self, last_lines: int | None = 400) -> str:
        out = self.stdout.splitlines()
        if last_lines is not None and len(out) > last_lines:
            out = [f"... ({len(out) - last_lines} earlier lines cut) ..."] + out[-last_lines:]
        text = "\n".join(out)
        if self.stderr.strip():
            text += "\n--- stderr ---\n" + self.stderr
        return text

    def error_lines(self, context: int = 3) -> list[str]:
        """dbt's lines that name a failure (errors, failing tests) and the few lines after
        each (where dbt prints the message), to show first."""
        pattern = re.compile(r"\b(ERROR|FAIL)\b|Error in |Failure in |Compilation Error|Database Error|Runtime Error")
        lines = self.stdout.splitlines()
        keep: set[int] = set()
        for index, line in enumerate(lines):
            if pattern.search(line):
                keep.update(range(index, min(index + context + 1, len(lines))))
        return [lines[index] for index in sorted(keep)]

    def describe(self) -> str:
        errors = "\n".join(self.error_lines()[:120])
        return (
            f"$ {shlex.join(self.command)}\n"
            f"exit code {self.returncode} after {self.seconds:.1f}s, DuckDB file {self.db_path}\n"
            f"--- what failed ---\n{errors}\n"
            f"--- dbt output ---\n{self.output()}"
        )

    def assert_ok(self) -> "BuildResult":
        if not self.ok:
            raise BuildFailed("dbt build failed:\n" + self.describe())
        return self

    def query(self, sql: str, params=None) -> pd.DataFrame:
        """Run SQL on the built DuckDB file, opened read-only; a DataFrame back."""
        con = duckdb.connect(str(self.db_path), read_only=True)
        try:
            return con.execute(sql, params or []).df()
        finally:
            con.close()

    def scalar(self, sql: str, params=None):
        con = duckdb.connect(str(self.db_path), read_only=True)
        try:
            return con.execute(sql, params or []).fetchone()[0]
        finally:
            con.close()

    def relation(self, name: str, schema: str = MODEL_SCHEMA) -> pd.DataFrame:
        return self.query(f"select * from {quote_identifier(schema)}.{quote_identifier(name)}")

    def count(self, name: str, schema: str = MODEL_SCHEMA, where: str | None = None) -> int:
        sql = f"select count(*) from {quote_identifier(schema)}.{quote_identifier(name)}"
        if where:
            sql += f" where {where}"
        return int(self.scalar(sql))

    def relations(self) -> pd.DataFrame:
        """Every table and view in the file: table_schema, table_name, table_type."""
        return self.query(
            "select table_schema, table_name, table_type from information_schema.tables "
            "order by table_schema, table_name"
        )


def is_null(value) -> bool:
    """True for a SQL null as a DataFrame gives it back (None, or NaN in a float column)."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def one_row(build: BuildResult, relation: str, where: str, params=None) -> dict:
    """The single row of main.<relation> matching `where` (fails unless exactly one)."""
    frame = build.query(f"select * from {MODEL_SCHEMA}.{quote_identifier(relation)} where {where}", params)
    assert len(frame) == 1, f"{relation} where {where} {params or ''}: {len(frame)} rows\n{frame}"
    return frame.iloc[0].to_dict()


def run_dbt(subcommand: list[str], work_dir: Path, db_path: Path, dbt_vars: dict | None = None,
            extra_args: list[str] | None = None, target_dir: str = "target", target: str = "dev",
            env_overrides: dict | None = None) -> BuildResult:
    """`dbt <subcommand>` of the repo against db_path (target `dev`, or another target of the
    profile with its environment in env_overrides), with private target/log paths under
    work_dir (target_dir names the target folder, so two commands can keep their artefacts)."""
    work_dir.mkdir(parents=True, exist_ok=True)
    target_path = work_dir / target_dir
    log_path = work_dir / "logs"
    # DuckDB's spill folder, private too (the profile's default is relative to the repo's
    # target/, which a fresh clone has not created yet; DuckDB creates only its last level)
    spill_dir = work_dir / "duckdb_tmp"
    spill_dir.mkdir(exist_ok=True)
    command = [dbt_executable(), *subcommand, "--project-dir", str(REPO_ROOT), "--target", target,
               "--target-path", str(target_path), "--log-path", str(log_path)]
    if dbt_vars:
        command += ["--vars", json.dumps(dbt_vars)]
    command += list(extra_args or [])
    env = dict(os.environ)
    env.update(
        {
            "SALES_KPIS_DUCKDB_PATH": str(db_path),
            "SALES_KPIS_DUCKDB_TEMP_DIR": str(spill_dir),
            "DBT_PROFILES_DIR": str(profiles_dir(work_dir)),
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
            "DO_NOT_TRACK": "1",
            "DBT_USE_COLORS": "false",
            "DBT_PRINTER_WIDTH": "120",
            **(env_overrides or {}),
        }
    )
    started = time.monotonic()
    completed = subprocess.run(command, cwd=REPO_ROOT, env=env, capture_output=True, text=True)
    return BuildResult(
        db_path=db_path,
        command=command,
        returncode=completed.returncode,
        stdout=completed.stdout,
        stderr=completed.stderr,
        seconds=time.monotonic() - started,
        vars=dict(dbt_vars or {}),
    )


def run_dbt_build(work_dir: Path, db_path: Path, dbt_vars: dict | None, extra_args: list[str] | None = None,
                  unit_tests: bool = False) -> BuildResult:
    """`dbt build` of the repo into db_path, with private target/log paths under work_dir.

    Without its unit tests unless unit_tests=True: a unit test reads its own given rows, never
    the build's data, so it gives the same result in every build; `make build` runs them all
    once (and a CRM adapter's, enabled only for its crm_source, run in that CRM's build)."""
    args = list(extra_args or [])
    if not unit_tests:
        if "--exclude" in args:
            args.insert(args.index("--exclude") + 1, "test_type:unit")
        else:
            args += ["--exclude", "test_type:unit"]
    return run_dbt(["build"], work_dir, db_path, dbt_vars, args)


def generate_docs(build: BuildResult, work_dir: Path) -> Path:
    """`dbt docs generate` against the DuckDB file of a finished build (same vars), into a
    private target path under work_dir (a full parse: no partial-parse state is reused).
    Returns that target path, holding manifest.json and catalog.json; raises BuildFailed
    with dbt's output when the command fails."""
    result = run_dbt(["docs", "generate"], Path(work_dir), build.db_path, build.vars or None,
                     target_dir="docs_target")
    if not result.ok:
        raise BuildFailed("dbt docs generate failed:\n" + result.describe())
    return Path(work_dir) / "docs_target"


def build_project(tables: dict[str, list[dict]], tmp_path: Path, extra_vars: dict | None = None,
                  check: bool = True) -> BuildResult:
    """Load `tables` as raw text into schema raw_test of a fresh DuckDB file and dbt-build on it.

    With check=True (the default) a failed build raises BuildFailed showing dbt's output.
    """
    tmp_path = Path(tmp_path)
    tmp_path.mkdir(parents=True, exist_ok=True)
    db_path = tmp_path / "sales_kpis_test.duckdb"
    if db_path.exists():
        raise FileExistsError(f"{db_path} exists: give each build its own directory")
    create_raw_tables(db_path, tables)
    dbt_vars = {"crm_schema": RAW_SCHEMA, **(extra_vars or {})}
    result = run_dbt_build(tmp_path, db_path, dbt_vars, ["--exclude", "path:seeds/crm"])
    return result.assert_ok() if check else result


def current_make_build() -> BuildResult | None:
    """The demo build `make build` made, when its stamp is current (scripts/build_stamp.py):
    the DuckDB file of SALES_KPIS_DUCKDB_PATH (default ./sales_kpis.duckdb), built from the
    project files as they are now and untouched since. None otherwise."""
    sys.path.insert(0, str(REPO_ROOT / "scripts"))
    try:
        from build_stamp import is_current
    finally:
        sys.path.pop(0)
    db_path = Path(os.environ.get("SALES_KPIS_DUCKDB_PATH", REPO_ROOT / "sales_kpis.duckdb"))
    if not is_current(db_path):
        return None
    return BuildResult(db_path=db_path, command=["make", "build"], returncode=0, stdout="", stderr="", seconds=0.0,
                       target_path=REPO_ROOT / "target")


def build_demo(tmp_path: Path, check: bool = True) -> BuildResult:
    """Plain `dbt build` of the bundled demo seeds into a fresh DuckDB file."""
    tmp_path = Path(tmp_path)
    tmp_path.mkdir(parents=True, exist_ok=True)
    db_path = tmp_path / "sales_kpis_demo.duckdb"
    if db_path.exists():
        raise FileExistsError(f"{db_path} exists: give each build its own directory")
    result = run_dbt_build(tmp_path, db_path, None)
    return result.assert_ok() if check else result
