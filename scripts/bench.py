"""Benchmark the project at a given volume: generate, load, dbt build, run and test.

    python scripts/bench.py [--scale 100] [--threads N] [--keep] [--format parquet|csv]
    make bench SCALE=100 [THREADS=4] [KEEP=1]

In one run, into a fresh work folder (a temporary one, kept with --keep):

1. generation: the demo story (scripts/demo_crm, --seed 42) at that scale, written as
   Parquet (or CSV) files, one per raw contract table;
2. load: every contract table into schema `raw_bench` of a fresh DuckDB file, all columns
   VARCHAR as python_tests/dbt_harness.py creates them (a loader delivering text);
3. `dbt build --vars '{crm_schema: raw_bench}' --exclude path:seeds/crm` on that file, then
   `dbt run` (the models only) and `dbt test` (the tests only), each with its own
   --target-path and --log-path in the work folder, driven by dbt_harness.run_dbt
   (SALES_KPIS_DUCKDB_PATH = the file, DBT_PROFILES_DIR = the repo root).

It prints and writes to target/bench.json: the generation and load times, the wall time and
peak memory (the largest resident set of the dbt process, DuckDB included: each command
runs from a forked helper whose only child is dbt, which then reads
getrusage(RUSAGE_CHILDREN).ru_maxrss) of each dbt command, the five slowest nodes of the
build (run_results.json) and the rows of every raw table. Timings are wall-clock times on a
machine that may be shared: run it alone for numbers to compare.

Each measured step is one function below; `time_append_one_day` is where the timing of
"append one more day of data and rebuild incrementally" goes once incremental models exist.
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
from dbt_harness import BuildResult, _quote, create_raw_tables, run_dbt  # noqa: E402

RAW_SCHEMA = "raw_bench"
SEED = 42
DBT_VARS = {"crm_schema": RAW_SCHEMA}
DBT_SELECTION = ["--exclude", "path:seeds/crm"]  # the demo seeds are not the data under test


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
            columns = ", ".join(_quote(c) for c in spec["columns"])
            target = f"{_quote(RAW_SCHEMA)}.{_quote(table)}"
            con.execute(f"insert into {target} ({columns}) select {columns} from {source}")
            rows[table] = con.execute(f"select count(*) from {target}").fetchone()[0]
        con.execute("checkpoint")
    finally:
        con.close()
    return {"seconds": time.perf_counter() - started, "rows": rows,
            "db_size_mb": db_path.stat().st_size / 2 ** 20}


def dbt(command: str, work_dir: Path, db_path: Path, threads: int | None) -> tuple[BuildResult, dict]:
    """One dbt command on the bench file (its own target/ and logs/ under work_dir)."""
    extra = DBT_SELECTION + (["--threads", str(threads)] if threads else [])
    result, _, dbt_peak_kb = in_forked_helper(run_dbt, [command], work_dir, db_path, DBT_VARS, extra,
                                              f"target_{command}")
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


def time_append_one_day(work_dir: Path, db_path: Path, threads: int | None) -> dict | None:
    """TODO(incremental models): append one more day of data to raw_bench (the story's next
    day, e.g. a `--days` option of demo_crm that tells one day past 2025-12-31) and time
    `dbt build` again, which incremental models should make much faster than the full build.
    Returns None (not measured) until the project has incremental models."""
    return None


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
        build, report["dbt_build"] = dbt("build", work_dir, db_path, args.threads)
        report["slowest_build_nodes"] = slowest_nodes(work_dir / "target_build")
        if build.ok:
            _, report["dbt_run"] = dbt("run", work_dir, db_path, args.threads)
            _, report["dbt_test"] = dbt("test", work_dir, db_path, args.threads)
            report["append_one_day"] = time_append_one_day(work_dir, db_path, args.threads)
        ok = build.ok and report["dbt_run"]["ok"] and report["dbt_test"]["ok"]
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
        print(f"  {'generation':12s} {g['seconds']:8.1f} s   peak RSS {g['peak_rss_mb']:7.0f} MB")
        print(f"  {'load':12s} {l_['seconds']:8.1f} s")
    for step in ("dbt_build", "dbt_run", "dbt_test"):
        if report.get(step):
            s = report[step]
            print(f"  {step:12s} {s['seconds']:8.1f} s   peak RSS {s['peak_rss_mb']:7.0f} MB"
                  f"{'' if s['ok'] else '   FAILED'}")
    if report.get("slowest_build_nodes"):
        print("  slowest nodes of the build:")
        for node in report["slowest_build_nodes"]:
            print(f"    {node['seconds']:8.2f} s  {node['unique_id']} ({node['status']})")
    if report.get("raw_rows"):
        print("  raw rows: " + ", ".join(f"{t} {n:,}" for t, n in report["raw_rows"].items()))


if __name__ == "__main__":
    sys.exit(main())
