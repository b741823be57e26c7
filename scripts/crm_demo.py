"""The demo story as a real CRM (HubSpot or Salesforce), in a warehouse: load it, and compare
its KPIs with the contract's.

    python scripts/crm_demo.py load --crm hubspot|salesforce [--target dev|postgres]
        writes the story (--seed 42 --scale 1.0) as the Fivetran connector of that CRM lands
        it (demo_crm/writers/<crm>.py) and loads it into the target: the connector tables,
        typed as the connector types them, into schema raw_<crm>, and the contract tables
        the CRM does not hold into raw_<crm>_contract; then build with the vars `vars` prints:
        dbt build --vars "$(python scripts/crm_demo.py vars --crm <crm>)" --exclude path:seeds/crm

    python scripts/crm_demo.py vars --crm hubspot|salesforce
        the --vars of a build on what `load` loaded (crm_source, <crm>_schema, crm_schema)

    python scripts/crm_demo.py reference --crm hubspot|salesforce [--target dev|postgres]
        the contract build the CRM's build must equal is the demo's, but for a CRM that holds
        the exchange rates otherwise (Salesforce: EUR -> currency, 6 decimals): then it loads
        the demo's contract tables with the rates as that CRM holds them into schema
        raw_<crm>_reference and prints the --vars of the reference build on them (nothing
        printed: the demo's build is the reference)

    python scripts/crm_demo.py compare --target postgres --reference analytics --other analytics_<crm>
        every KPI mart and scorecard of the two schemas, row for row (exit 1 when one differs)

The target's connection is profiles.yml's (DuckDB: SALES_KPIS_DUCKDB_PATH; PostgreSQL: the
SALES_KPIS_PG_* variables). `make test-postgres` (scripts/test_postgres.sh) runs them for
both CRMs on its throwaway server.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from demo_crm import tell  # noqa: E402
from demo_crm.writers import contract_csv, hubspot, salesforce  # noqa: E402

# each CRM: its writer module (a writer class, TABLES, load_duckdb)
CRMS = {"hubspot": (hubspot, hubspot.HubspotWriter), "salesforce": (salesforce, salesforce.SalesforceWriter)}
# the story's exchange rates as a CRM holds them, for one that holds them otherwise than the
# contract (python_tests/test_crm_shapes.py: SALESFORCE_CANNOT_CARRY)
RATES_AS_HELD = {"salesforce": salesforce.rates_as_salesforce_holds_them}
PG_TYPES = {"BIGINT": "bigint", "INTEGER": "integer", "VARCHAR": "text", "DOUBLE": "double precision",
            "BOOLEAN": "boolean", "TIMESTAMP": "timestamp", "TIMESTAMPTZ": "timestamptz", "DATE": "date"}


def schemas(crm: str) -> tuple[str, str]:
    """The schema of the connector tables and the schema of the contract tables the CRM lacks."""
    return f"raw_{crm}", f"raw_{crm}_contract"


def build_vars(crm: str) -> dict[str, str]:
    raw_schema, contract_schema = schemas(crm)
    return {"crm_source": crm, f"{crm}_schema": raw_schema, "crm_schema": contract_schema}


def connect(target: str):
    if target == "postgres":
        import psycopg2
        return psycopg2.connect(host=os.environ.get("SALES_KPIS_PG_HOST", "localhost"),
                                port=int(os.environ.get("SALES_KPIS_PG_PORT", "5432")),
                                user=os.environ["SALES_KPIS_PG_USER"],
                                password=os.environ.get("SALES_KPIS_PG_PASSWORD", ""),
                                dbname=os.environ.get("SALES_KPIS_PG_DATABASE", "sales_kpis"))
    import duckdb
    return duckdb.connect(os.environ.get("SALES_KPIS_DUCKDB_PATH", "sales_kpis.duckdb"))


def _load_postgres(con, crm: str, folder: Path) -> None:
    """The connector tables read by the writer's own DuckDB loader, then COPYed as CSV into
    tables of the connector's types; the contract tables as text."""
    import duckdb

    module, _ = CRMS[crm]
    raw_schema, contract_schema = schemas(crm)
    cur = con.cursor()
    staged = duckdb.connect()
    try:
        staged.execute("set timezone = 'UTC'")
        module.load_duckdb(folder, staged, "connector")
        cur.execute(f'drop schema if exists "{raw_schema}" cascade; create schema "{raw_schema}"')
        for table, columns in module.TABLES.items():
            path = folder / f".{table}.pg.csv"
            staged.execute(f"copy connector.\"{table}\" to '{path}' (format csv, header true)")
            ddl = ", ".join(f'"{c}" {PG_TYPES[ty]}' for c, ty in columns)
            cur.execute(f'create table "{raw_schema}"."{table}" ({ddl})')
            with open(path, encoding="utf-8") as fh:
                cur.copy_expert(f'copy "{raw_schema}"."{table}" from stdin with (format csv, header true)', fh)
    finally:
        staged.close()
    con.commit()
    _load_postgres_text(con, folder / "contract", contract_schema)


def _load_postgres_text(con, folder: Path, schema: str) -> None:
    """Every CSV of `folder` as a text table of `schema` (dropped and created again)."""
    cur = con.cursor()
    cur.execute(f'drop schema if exists "{schema}" cascade; create schema "{schema}"')
    for path in sorted(folder.glob("*.csv")):
        with open(path, encoding="utf-8") as fh:
            header = fh.readline().rstrip("\n").split(",")
            ddl = ", ".join(f'"{c}" text' for c in header)
            cur.execute(f'create table "{schema}"."{path.stem}" ({ddl})')
            fh.seek(0)
            cur.copy_expert(f'copy "{schema}"."{path.stem}" from stdin with (format csv, header true)', fh)
    con.commit()


def reference(crm: str, target: str) -> dict | None:
    """Load the reference contract tables of a CRM holding the rates otherwise; their vars."""
    if crm not in RATES_AS_HELD:
        return None
    schema = f"raw_{crm}_reference"
    story = tell(42, 1.0)
    with tempfile.TemporaryDirectory(prefix=f"{crm}_reference_") as tmp:
        folder = Path(tmp)
        contract_csv.ContractCsvWriter().write(story, folder)
        contract_csv.write_csv(folder / "exchange_rates.csv", story.tables["exchange_rates"].columns,
                               RATES_AS_HELD[crm](story))
        con = connect(target)
        try:
            if target == "postgres":
                _load_postgres_text(con, folder, schema)
            else:
                con.execute(f'drop schema if exists "{schema}" cascade')
                contract_csv.load_contract_csvs(folder, con, schema)
        finally:
            con.close()
    print(f"crm_demo: the story's contract tables, rates as {crm} holds them, in {schema} of target {target}",
          file=sys.stderr)
    return {"crm_schema": schema}


def load(crm: str, target: str) -> None:
    module, writer = CRMS[crm]
    raw_schema, contract_schema = schemas(crm)
    with tempfile.TemporaryDirectory(prefix=f"{crm}_demo_") as tmp:
        folder = Path(tmp)
        writer().write(tell(42, 1.0), folder)
        con = connect(target)
        try:
            if target == "postgres":
                _load_postgres(con, crm, folder)
            else:
                module.load_duckdb(folder, con, raw_schema)
                contract_csv.load_contract_csvs(folder / "contract", con, contract_schema)
        finally:
            con.close()
    print(f"crm_demo: the story as {crm} in {raw_schema} (+ {contract_schema}) of target {target}")


def compare(target: str, reference: str, other: str) -> int:
    con = connect(target)
    try:
        cur = con.cursor()
        cur.execute("select table_name from information_schema.tables where table_schema = %s "
                    "and (table_name like 'kpi\\_%%' or table_name like '%%scorecard') order by 1"
                    if target == "postgres" else
                    "select table_name from information_schema.tables where table_schema = ? "
                    "and (table_name like 'kpi\\_%' escape '\\' or table_name like '%scorecard') order by 1",
                    [reference])
        relations = [name for (name,) in cur.fetchall()]
        differing = []
        for name in relations:
            for left, right in ((reference, other), (other, reference)):
                cur.execute(f'select count(*) from (select * from "{left}"."{name}" except all '
                            f'select * from "{right}"."{name}") as only_left')
                rows = cur.fetchone()[0]
                if rows:
                    differing.append(f"{name}: {rows} rows of {left} not in {right}")
    finally:
        con.close()
    print(f"crm_demo: {len(relations)} KPI marts and scorecards of {other} compared with {reference}, "
          f"{len(differing)} differences")
    for line in differing:
        print("  " + line)
    return 1 if differing or len(relations) < 25 else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("command", choices=["load", "vars", "reference", "compare"])
    ap.add_argument("--crm", choices=list(CRMS), help="load, vars: the CRM the story is written as")
    ap.add_argument("--target", default="dev", choices=["dev", "postgres"])
    ap.add_argument("--reference", default="analytics", help="compare: the schema of the contract build")
    ap.add_argument("--other", help="compare: the schema of the CRM's build")
    args = ap.parse_args(argv)
    if args.command == "compare":
        if not args.other:
            ap.error("compare needs --other")
        return compare(args.target, args.reference, args.other)
    if not args.crm:
        ap.error(f"{args.command} needs --crm")
    if args.command == "vars":
        print(json.dumps(build_vars(args.crm)))
        return 0
    if args.command == "reference":
        reference_vars = reference(args.crm, args.target)
        if reference_vars:
            print(json.dumps(reference_vars))
        return 0
    load(args.crm, args.target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
