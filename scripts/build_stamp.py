"""Say which DuckDB file `make build` built, and from what, so that `make test` builds once.

    python scripts/build_stamp.py write <duckdb file>     # after a successful `dbt build`
    python scripts/build_stamp.py check <duckdb file>     # exit 0 when the stamp is current

The stamp (target/build_stamp.json) holds a SHA-256 of every file the build reads (the dbt
project, its models, macros, seeds and tests, profiles and pinned requirements) and the
DuckDB file's size and modification time right after the build. It is current when both
still match: the python tests then read that file instead of building the demo again
(python_tests/conftest.py, fixture demo_build); any edit, or any later write to the file,
makes them build their own.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
STAMP = REPO_ROOT / "target" / "build_stamp.json"
INPUTS = ["dbt_project.yml", "profiles.yml", "requirements.txt", "models", "macros", "seeds", "tests"]


def fingerprint(root: Path = REPO_ROOT) -> str:
    """SHA-256 over the relative path and content of every input file, in path order."""
    digest = hashlib.sha256()
    files = []
    for name in INPUTS:
        path = root / name
        files.extend(sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path] if path.exists() else [])
    for path in files:
        if "__pycache__" in path.parts:
            continue
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _file_state(db_path: Path) -> dict:
    stat = db_path.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def write(db_path: Path) -> None:
    STAMP.parent.mkdir(parents=True, exist_ok=True)
    STAMP.write_text(json.dumps({"inputs": fingerprint(), "db_path": str(db_path.resolve()), **_file_state(db_path)}))


def is_current(db_path: Path) -> bool:
    """True when db_path is the file of the last `make build` and nothing changed since."""
    if not STAMP.exists() or not db_path.exists():
        return False
    stamp = json.loads(STAMP.read_text())
    return (
        stamp.get("db_path") == str(db_path.resolve())
        and stamp.get("inputs") == fingerprint()
        and {key: stamp.get(key) for key in ("size", "mtime_ns")} == _file_state(db_path)
    )


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("write", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    db_path = Path(argv[1])
    if argv[0] == "write":
        write(db_path)
        return 0
    return 0 if is_current(db_path) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
