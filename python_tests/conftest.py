"""Fixtures of the Python test suite.

A dbt build takes tens of seconds, so every dataset is built ONCE and many test functions
assert on it:

- `build_project(tables, tmp_path, extra_vars=None) -> BuildResult` (dbt_harness.py) builds
  the project on a raw dataset of our own (schema raw_test); use it in a module- or
  session-scoped fixture with `tmp_path_factory.mktemp(...)`.
- `demo_build` (session) is a plain `dbt build` of the bundled demo seeds: the DuckDB file
  `make build` wrote when its stamp says it is current (scripts/build_stamp.py: same
  project files, file untouched since), so `make test` builds the demo once; else a build
  into its own DuckDB file, started in the background as soon as collection ends, so it
  runs while the first module builds its own dataset.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from pathlib import Path

import pytest

from dbt_harness import BuildResult, build_demo, build_project, current_make_build  # noqa: F401  (re-exported)


class _BackgroundBuild:
    """One build started in a thread; result() waits for it."""

    def __init__(self, target, work_dir: Path):
        self.work_dir = work_dir
        self._result: BuildResult | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(target,), daemon=True)
        self._thread.start()

    def _run(self, target):
        try:
            self._result = target(self.work_dir, check=False)
        except BaseException as error:  # reported to the test that needs it
            self._error = error

    def result(self) -> BuildResult:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._result


_background: dict[str, _BackgroundBuild] = {}


def _start_demo_build() -> _BackgroundBuild:
    if "demo" not in _background and current_make_build() is not None:
        _background["demo"] = _BackgroundBuild(lambda work_dir, check: current_make_build(), Path(tempfile.mkdtemp()))
    if "demo" not in _background:
        work_dir = Path(tempfile.mkdtemp(prefix="sales_kpis_demo_build_"))
        _background["demo"] = _BackgroundBuild(build_demo, work_dir)
    return _background["demo"]


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "engines: compares the marts across DuckDB, PostgreSQL and Spark; needs both servers, so "
        "`make test` deselects it (-m \"not engines\") and `make test-spark` runs it",
    )


def pytest_collection_finish(session):
    if any("demo_build" in getattr(item, "fixturenames", ()) for item in session.items):
        _start_demo_build()


def pytest_sessionfinish(session, exitstatus):
    for build in _background.values():
        build._thread.join()
        # keep the files of a failed session to look at; clean up after a green one
        if exitstatus == 0:
            shutil.rmtree(build.work_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def demo_build() -> BuildResult:
    """The bundled demo seeds, built once per session (`dbt build`, no crm_schema var)."""
    return _start_demo_build().result().assert_ok()
