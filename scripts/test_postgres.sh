#!/usr/bin/env bash
# What `make test-postgres` runs on the throwaway server of scripts/with_postgres.sh (its
# SALES_KPIS_PG_* variables set):
#   1. dbt build of the demo (the contract, schema analytics), the cockpit's data and the
#      alerts read back from the PostgreSQL marts, incremental = full (test_incremental.py);
#   2. for each CRM (hubspot, salesforce): the demo story as its Fivetran connector lands it
#      (scripts/crm_demo.py load), dbt build with crm_source: <crm> into schema
#      analytics_<crm> (the adapter's unit tests run in this build), whose KPI marts and
#      scorecards must equal the contract build's (scripts/crm_demo.py compare): the demo's,
#      or for Salesforce the story's contract tables with the rates as Salesforce holds them
#      (scripts/crm_demo.py reference), built into analytics_<crm>_reference.
#
#   scripts/with_postgres.sh scripts/test_postgres.sh   (from the repository root)
set -euo pipefail

BIN=${BIN:-.venv/bin}
DBT="$BIN/dbt"
# dbt's artefacts of these builds apart from target/ (the DuckDB build's, which make docs
# and make lint read), so both can run side by side
export DBT_TARGET_PATH=${DBT_TARGET_PATH:-target/postgres}

"$DBT" build --target postgres
"$BIN/python" scripts/build_dashboard.py --target postgres --out target/postgres_dashboard/index.html
"$BIN/python" scripts/alerts_summary.py --target postgres
"$BIN/python" -m pytest python_tests/test_incremental.py -k postgres

for crm in hubspot salesforce; do
    "$BIN/python" scripts/crm_demo.py load --crm "$crm" --target postgres
    SALES_KPIS_PG_SCHEMA="analytics_$crm" "$DBT" build --target postgres --exclude path:seeds/crm \
        --vars "$("$BIN/python" scripts/crm_demo.py vars --crm "$crm")"
    # the contract build it must equal: the demo's, or (Salesforce, which keeps the rates the
    # other way with 6 decimals) the story's contract tables with the rates as the CRM holds them
    reference=analytics
    reference_vars=$("$BIN/python" scripts/crm_demo.py reference --crm "$crm" --target postgres)
    if [ -n "$reference_vars" ]; then
        reference="analytics_${crm}_reference"
        SALES_KPIS_PG_SCHEMA="$reference" "$DBT" build --target postgres --exclude path:seeds/crm \
            --vars "$reference_vars"
    fi
    "$BIN/python" scripts/crm_demo.py compare --target postgres --reference "$reference" --other "analytics_$crm"
done
