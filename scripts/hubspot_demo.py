"""The demo story as HubSpot, in a warehouse: load it, and compare its KPIs with the contract's.

    python scripts/hubspot_demo.py load [--target dev|postgres]
        writes the story (--seed 42 --scale 1.0) as the Fivetran HubSpot connector lands it
        (demo_crm/writers/hubspot.py) and loads it into the target: the connector tables,
        typed as the connector types them, into schema raw_hubspot, and the contract tables
        HubSpot does not hold (subscriptions, quotas, costs, NPS, rates) into raw_hubspot_contract;
        then build with
        dbt build --vars '{crm_source: hubspot, hubspot_schema: raw_hubspot,
                           crm_schema: raw_hubspot_contract}' --exclude path:seeds/crm

    python scripts/hubspot_demo.py compare --target postgres --reference analytics --other analytics_hubspot
        every KPI mart and scorecard of the two schemas, row for row (exit 1 when one differs)

The target's connection is profiles.yml's (DuckDB: SALES_KPIS_DUCKDB_PATH; PostgreSQL: the
SALES_KPIS_PG_* variables). `make test-postgres` runs both on its throwaway server.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from demo_crm import tell  # noqa: E402
from demo_crm.writers.hubspot import TABLES, HubspotWriter, load_contract_csvs, load_duckdb  # noqa: E402

RAW_SCHEMA = "raw_hubspot"
CONTRACT_SCHEMA = "raw_hubspot_contract"
PG_TYPES = {"BIGINT": "bigint", "VARCHAR": "text", "DOUBLE": "double precision", "BOOLEAN": "boolean",
            "TIMESTAMP": "timestamp"}


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


def _load_postgres(con, folder: Path) -> None:
    """COPY every CSV into typed tables (the connector's types) or text tables (contract)."""
    cur = con.cursor()
    for schema, files, types in ((RAW_SCHEMA, [folder / f"{t}.csv" for t in TABLES], TABLES),
                                 (CONTRACT_SCHEMA, sorted((folder / "contract").glob("*.csv")), None)):
        cur.execute(f'drop schema if exists "{schema}" cascade; create schema "{schema}"')
        for path in files:
            with open(path, encoding="utf-8") as fh:
                header = fh.readline().rstrip("\n").split(",")
                columns = types[path.stem] if types else [(c, "VARCHAR") for c in header]
                ddl = ", ".join(f'"{c}" {PG_TYPES[ty]}' for c, ty in columns)
                cur.execute(f'create table "{schema}"."{path.stem}" ({ddl})')
                fh.seek(0)
                cur.copy_expert(f'copy "{schema}"."{path.stem}" from stdin with (format csv, header true)', fh)
    con.commit()


def load(target: str) -> None:
    with tempfile.TemporaryDirectory(prefix="hubspot_demo_") as tmp:
        folder = Path(tmp)
        HubspotWriter().write(tell(42, 1.0), folder)
        con = connect(target)
        try:
            if target == "postgres":
                _load_postgres(con, folder)
            else:
                load_duckdb(folder, con, RAW_SCHEMA)
                load_contract_csvs(folder / "contract", con, CONTRACT_SCHEMA)
        finally:
            con.close()
    print(f"hubspot_demo: the story as HubSpot in {RAW_SCHEMA} (+ {CONTRACT_SCHEMA}) of target {target}")


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
    print(f"hubspot_demo: {len(relations)} KPI marts and scorecards compared, {len(differing)} differences")
    for line in differing:
        print("  " + line)
    return 1 if differing or len(relations) < 25 else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("command", choices=["load", "compare"])
    ap.add_argument("--target", default="dev", choices=["dev", "postgres"])
    ap.add_argument("--reference", default="analytics", help="compare: the schema of the contract build")
    ap.add_argument("--other", default="analytics_hubspot", help="compare: the schema of the HubSpot build")
    args = ap.parse_args(argv)
    if args.command == "load":
        load(args.target)
        return 0
    return compare(args.target, args.reference, args.other)


if __name__ == "__main__":
    sys.exit(main())
