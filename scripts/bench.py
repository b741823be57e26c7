"""Benchmark the project at a given volume: generate, load, dbt build, run and test.

    python scripts/bench.py [--scale 100] [--threads N] [--keep] [--format parquet|csv]
    make bench SCALE=100 [THREADS=4] [KEEP=1]

In one run, into a fresh work folder (a temporary one, kept with --keep):

1. generation: the demo story (scripts/demo_crm, --seed 42) at that scale, written as
   Parquet (or CSV) files, one per raw contract table;
2. load: every contract table into schema `raw_bench` of a fresh DuckDB file, all columns
   VARCHAR as python_tests/dbt_harness.py creates them (a loader delivering text);
3. dbt on that file (vars `{crm_schema: raw_bench}`, the demo seeds excluded), driven by
   dbt_harness.run_dbt (SALES_KPIS_DUCKDB_PATH = the file, DBT_PROFILES_DIR = the repo
   root), all with one target folder, as a scheduled job keeps it: `dbt parse` (a cold
   parse, timed on its own), then the daily production build `dbt build --exclude
   test_type:unit` (unit tests check SQL logic on fixed inputs: they run in development
   and CI, `make test`, not on each load of data; timed on their own too), `dbt run` (the
   models only) and `dbt test` (the data tests only);
4. one more day of data appended to the raw tables (the activities and leads of the last
   day, a day later, with new ids) and the production build again: the incremental
   models stage only what changed.

It prints and writes to target/bench.json: the generation and load times, the wall time and
peak memory (the largest resident set of the dbt process, DuckDB included: each command
runs from a forked helper whose only child is dbt, which then reads
getrusage(RUSAGE_CHILDREN).ru_maxrss) of each dbt command, the five slowest nodes of the
build (run_results.json) and the rows of every raw table. Timings are wall-clock times on a
machine that may be shared: run it alone for numbers to compare.

Each measured step is one function below.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import resource
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO_ROOT / "python_tests"))

from crm_contract import CONTRACT  # noqa: E402
from dbt_harness import BuildResult, quote_identifier, create_raw_tables, run_dbt  # noqa: E402

RAW_SCHEMA = "raw_bench"
SEED = 42
DBT_VARS = {"crm_schema": RAW_SCHEMA}
DBT_SELECTION = ["--exclude", "path:seeds/crm"]  # the demo seeds are not the data under test
# what each measured dbt command runs (the production build leaves the unit tests out)
COMMANDS = {
    "parse": ["parse"],
    "build": ["build", "--exclude", "path:seeds/crm", "test_type:unit"],
    "unit_tests": ["test", "--select", "test_type:unit"],
    "run": ["run", "--exclude", "path:seeds/crm"],
    "test": ["test", "--exclude", "path:seeds/crm", "test_type:unit"],
    "build_after_one_day": ["build", "--exclude", "path:seeds/crm", "test_type:unit"],
}


# ---- running a step in a forked helper, to measure its memory alone ---------------------

def _child(conn, fn, args):
    try:
        result = fn(*args)
        peak_kb = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                      resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        conn.send((True, result, peak_kb, children_kb))
    except BaseException:  # reported by the parent
        conn.send((False, traceback.format_exc(), 0, 0))
    finally:
        conn.close()


def in_forked_helper(fn, *args):
    """fn(*args) in a forked process: (its result, the peak RSS in KiB of the helper and its
    children, the peak RSS in KiB of its children alone). The helper's children are only
    what fn starts, so for a dbt command the last number is the dbt process's peak."""
    ctx = multiprocessing.get_context("fork")
    parent_end, child_end = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(child_end, fn, args))
    process.start()
    child_end.close()
    ok, result, peak_kb, children_kb = parent_end.recv()
    process.join()
    if not ok:
        raise RuntimeError(f"{getattr(fn, '__name__', fn)} failed:\n{result}")
    return result, peak_kb, children_kb


# ---- the steps --------------------------------------------------------------------------

def _generate(scale: float, fmt: str, out_dir: Path) -> dict:
    from demo_crm import tell
    from demo_crm.writers import writer_for

    started = time.perf_counter()
    story = tell(SEED, scale)
    told = time.perf_counter()
    written = writer_for(fmt).write(story, out_dir)
    return {"tell_seconds": told - started, "write_seconds": time.perf_counter() - told,
            "files": {f.table: str(f.path) for f in written}, "rows": {f.table: f.rows for f in written}}


def generate(scale: float, fmt: str, out_dir: Path) -> dict:
    """The story at that scale, one file per contract table (in a forked helper, so that its
    memory is measured and given back)."""
    started = time.perf_counter()
    result, peak_kb, _ = in_forked_helper(_generate, scale, fmt, out_dir)
    result.update(seconds=time.perf_counter() - started, peak_rss_mb=peak_kb / 1024)
    return result


def load(files: dict[str, str], db_path: Path) -> dict:
    """Every contract table into schema raw_bench of a fresh DuckDB file: the tables as
    dbt_harness creates them (all VARCHAR), filled from the generated files."""
    import duckdb

    started = time.perf_counter()
    create_raw_tables(db_path, {}, schema=RAW_SCHEMA)
    con = duckdb.connect(str(db_path))
    rows = {}
    try:
        for table, spec in CONTRACT.items():
            path = files[table]
            source = (f"read_parquet('{path}')" if path.endswith(".parquet")
                      else f"read_csv('{path}', header = true, all_varchar = true)")
            columns = ", ".join(quote_identifier(c) for c in spec["columns"])
            target = f"{quote_identifier(RAW_SCHEMA)}.{quote_identifier(table)}"
            con.execute(f"insert into {target} ({columns}) select {columns} from {source}")
            rows[table] = con.execute(f"select count(*) from {target}").fetchone()[0]
        con.execute("checkpoint")
    finally:
        con.close()
    return {"seconds": time.perf_counter() - started, "rows": rows,
            "db_size_mb": db_path.stat().st_size / 2 ** 20}


def dbt(command: str, work_dir: Path, db_path: Path, threads: int | None) -> tuple[BuildResult, dict]:
    """One dbt command of COMMANDS on the bench file (the work folder's target/ and logs/)."""
    extra = ["--threads", str(threads)] if threads else []
    result, _, dbt_peak_kb = in_forked_helper(run_dbt, COMMANDS[command] + extra, work_dir, db_path, DBT_VARS)
    print(f"  dbt {command}: {'ok' if result.ok else 'FAILED'} in {result.seconds:.1f}s, "
          f"peak RSS {dbt_peak_kb / 1024:.0f} MB", flush=True)
    if not result.ok:
        print(result.describe(), file=sys.stderr)
    return result, {"seconds": result.seconds, "peak_rss_mb": dbt_peak_kb / 1024, "ok": result.ok,
                    "returncode": result.returncode}


def slowest_nodes(target_dir: Path, n: int = 5) -> list[dict]:
    """The n nodes of run_results.json that took longest."""
    path = target_dir / "run_results.json"
    if not path.exists():
        return []
    results = json.loads(path.read_text())["results"]
    results.sort(key=lambda r: r.get("execution_time") or 0, reverse=True)
    return [{"unique_id": r["unique_id"], "seconds": round(r.get("execution_time") or 0, 3), "status": r["status"]}
            for r in results[:n]]


def append_one_day(db_path: Path) -> dict:
    """One more day of data in the raw tables: the activities and leads of the latest day,
    a day later, with new ids (`<id>-next`); what a daily load of the CRM delivers."""
    import duckdb

    con = duckdb.connect(str(db_path))
    appended = {}
    try:
        for table, key, at in (("activities", "activity_id", "occurred_at"), ("leads", "lead_id", "created_at")):
            columns = list(CONTRACT[table]["columns"])
            shifted = [f"{quote_identifier(key)} || '-next'" if c == key else
                       f"strftime(try_cast({quote_identifier(c)} as timestamp) + interval 1 day, '%Y-%m-%d %H:%M:%S')"
                       if c in (at, "mql_at", "sql_at", "disqualified_at", "updated_at") else quote_identifier(c)
                       for c in columns]
            source = f"{quote_identifier(RAW_SCHEMA)}.{quote_identifier(table)}"
            latest = f"(select max(try_cast({quote_identifier(at)} as date)) from {source} where try_cast({quote_identifier(at)} as date) is not null)"
            appended[table] = con.execute(
                f"insert into {source} ({', '.join(map(quote_identifier, columns))}) select {', '.join(shifted)} "
                f"from {source} where try_cast({quote_identifier(at)} as date) = {latest}").fetchone()[0]
        con.execute("checkpoint")
    finally:
        con.close()
    return appended


# ---- the run ----------------------------------------------------------------------------

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--scale", type=float, default=100.0, help="volume of the demo story (default 100)")
    ap.add_argument("--threads", type=int, help="dbt --threads (default: the profile's)")
    ap.add_argument("--keep", action="store_true", help="keep the work folder (its path is printed)")
    ap.add_argument("--format", default="parquet", choices=["parquet", "csv"], help="generated files (default parquet)")
    ap.add_argument("--json", default=str(REPO_ROOT / "target" / "bench.json"), help="where to write the results")
    args = ap.parse_args(argv)

    work_dir = Path(tempfile.mkdtemp(prefix=f"sales_kpis_bench_{args.scale:g}_"))
    db_path = work_dir / "bench.duckdb"
    report = {"scale": args.scale, "seed": SEED, "format": args.format, "threads": args.threads,
              "machine": {"cpus": os.cpu_count(), "load_average_at_start": os.getloadavg(),
                          "python": platform.python_version()},
              "started_at": time.strftime("%Y-%m-%d %H:%M:%S")}
    ok = False
    try:
        print(f"bench: scale {args.scale:g}, work folder {work_dir}", flush=True)
        gen = generate(args.scale, args.format, work_dir / "raw")
        print(f"  generation: {gen['seconds']:.1f}s (story {gen['tell_seconds']:.1f}s, "
              f"{args.format} files {gen['write_seconds']:.1f}s), peak RSS {gen['peak_rss_mb']:.0f} MB", flush=True)
        loaded = load(gen["files"], db_path)
        print(f"  load: {loaded['seconds']:.1f}s into {RAW_SCHEMA} ({loaded['db_size_mb']:.0f} MB)", flush=True)
        report.update(generation={k: v for k, v in gen.items() if k not in ("files", "rows")},
                      load={k: v for k, v in loaded.items() if k != "rows"}, raw_rows=loaded["rows"])
        _, report["dbt_parse"] = dbt("parse", work_dir, db_path, args.threads)
        build, report["dbt_build"] = dbt("build", work_dir, db_path, args.threads)
        report["slowest_build_nodes"] = slowest_nodes(work_dir / "target")
        if build.ok:
            for step in ("unit_tests", "run", "test"):
                _, report[f"dbt_{step}"] = dbt(step, work_dir, db_path, args.threads)
            report["appended_one_day"] = append_one_day(db_path)
            print(f"  appended one day: {report['appended_one_day']}", flush=True)
            _, report["dbt_build_after_one_day"] = dbt("build_after_one_day", work_dir, db_path, args.threads)
            report["slowest_nodes_after_one_day"] = slowest_nodes(work_dir / "target")
        ok = build.ok and all(report.get(f"dbt_{step}", {}).get("ok")
                              for step in ("unit_tests", "run", "test", "build_after_one_day"))
    finally:
        report["ok"] = ok
        report["work_dir"] = str(work_dir) if args.keep else None
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n")
        if args.keep:
            print(f"kept {work_dir}")
        else:
            shutil.rmtree(work_dir, ignore_errors=True)
    print_summary(report)
    print(f"wrote {args.json}")
    return 0 if ok else 1


def print_summary(report: dict) -> None:
    print(f"\nbench at scale {report['scale']:g} ({report['format']}, threads {report['threads'] or 'profile'}):")
    if "generation" in report:
        g, l_ = report["generation"], report["load"]
        print(f"  {'generation':24s} {g['seconds']:8.1f} s   peak RSS {g['peak_rss_mb']:7.0f} MB")
        print(f"  {'load':24s} {l_['seconds']:8.1f} s")
    for step in ("dbt_parse", "dbt_build", "dbt_unit_tests", "dbt_run", "dbt_test", "dbt_build_after_one_day"):
        if report.get(step):
            s = report[step]
            print(f"  {step:24s} {s['seconds']:8.1f} s   peak RSS {s['peak_rss_mb']:7.0f} MB"
                  f"{'' if s['ok'] else '   FAILED'}")
    if report.get("dbt_build_after_one_day") and report.get("dbt_build"):
        share = 100 * report["dbt_build_after_one_day"]["seconds"] / report["dbt_build"]["seconds"]
        print(f"  the build after one more day takes {share:.0f} % of the full build")
    for key, title in (("slowest_build_nodes", "the build"), ("slowest_nodes_after_one_day", "the build after one day")):
        if report.get(key):
            print(f"  slowest nodes of {title}:")
            for node in report[key]:
                print(f"    {node['seconds']:8.2f} s  {node['unique_id']} ({node['status']})")
    if report.get("raw_rows"):
        print("  raw rows: " + ", ".join(f"{t} {n:,}" for t, n in report["raw_rows"].items()))


if __name__ == "__main__":
    sys.exit(main())
