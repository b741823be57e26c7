# sales_kpis — two commands: `make build`, `make test` (and `make docs` for the docs site).
SHELL := /bin/bash
.DEFAULT_GOAL := build

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DBT := $(BIN)/dbt

export DBT_PROFILES_DIR := $(CURDIR)
export SALES_KPIS_DUCKDB_PATH ?= $(CURDIR)/sales_kpis.duckdb

.PHONY: build test lint scorecard dashboard alerts test-dashboard docs docs-serve semantic-validate test-postgres test-spark seeds-demo bench clean help

# The one-file docs site (`dbt docs generate --static`), kept at a stable path.
DOCS_SITE := docs/site/index.html
DOCS_LOG := logs/docs_generate.log
DOCS_PORT ?= 8080

# The cockpit: one offline HTML file. DBT_TARGET=postgres (or any target of profiles.yml,
# built there first) reads that target's marts; DBT_VARS='{...}' passes the build's vars.
DASHBOARD := docs/dashboard/index.html
DASHBOARD_FLAGS := $(if $(DBT_TARGET),--target $(DBT_TARGET)) $(if $(DBT_VARS),--vars '$(DBT_VARS)')
CHROMIUM := /usr/bin/chromium
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

profiles.yml:
	cp profiles.yml.example profiles.yml
	@echo "wrote profiles.yml from profiles.yml.example"

build: $(BIN)/.installed profiles.yml  ## set up and build every model on the demo data (DuckDB)
	$(DBT) build
	@$(BIN)/python scripts/build_stamp.py write "$(SALES_KPIS_DUCKDB_PATH)"
	@echo ""
	@echo "Built into the DuckDB file $(SALES_KPIS_DUCKDB_PATH)"
	@echo ""
	@$(BIN)/python scripts/scorecard_summary.py
	@echo ""
	@echo "Dashboard: \`make dashboard\` writes $(DASHBOARD) (one file: open it in a browser);"
	@echo "           \`make alerts\` prints its alerts here."

# sqlfluff with the dbt templater (.sqlfluff): it compiles each model, so it needs the built
# DuckDB file (the KPI parts read kpi_catalog when they compile). A source adapter enabled
# only for another crm_source is linted with that source (.sqlfluff-salesforce).
lint: $(BIN)/.installed profiles.yml  ## lint every model with sqlfluff (dbt templater); builds first when there is no DuckDB file
	@test -f "$(SALES_KPIS_DUCKDB_PATH)" || $(MAKE) --no-print-directory build
	$(BIN)/sqlfluff lint models --processes 2
	$(BIN)/sqlfluff lint models/staging/hubspot --processes 2 --config .sqlfluff-hubspot
	$(BIN)/sqlfluff lint models/staging/salesforce --processes 2 --config .sqlfluff-salesforce

# MONTH=YYYY-MM picks the month; SALES_KPIS_LANG=fr (or SCORECARD_FLAGS=--lang=fr) speaks French.
scorecard: $(BIN)/.installed  ## show the company scorecard again, without rebuilding [MONTH=YYYY-MM]
	@$(BIN)/python scripts/scorecard_summary.py $(if $(MONTH),--month $(MONTH)) $(SCORECARD_FLAGS)

# The python tests read the DuckDB file of this build (scripts/build_stamp.py) rather than
# building the demo data a second time. The cockpit's browser test needs Chromium: the
# target installs it from Debian's packages when absent.
test: build $(CHROMIUM)  ## build, then run python_tests/ (dbt tests run in the build), the cockpit's browser test included
	$(BIN)/python -m pytest python_tests -m "not engines"

dashboard: $(BIN)/.installed profiles.yml  ## write the cockpit docs/dashboard/index.html from the built marts [DBT_TARGET=…]
	@test -n "$(DBT_TARGET)" || test -f "$(SALES_KPIS_DUCKDB_PATH)" || $(MAKE) --no-print-directory build
	$(BIN)/python scripts/build_dashboard.py --out $(DASHBOARD) $(DASHBOARD_FLAGS)

# GRAIN=month|quarter|year, PERIOD=YYYY-MM (its first month), SCOPE=company|team|user; SALES_KPIS_LANG=fr in French.
alerts: $(BIN)/.installed profiles.yml  ## print the alerts of kpi_alerts, latest complete month [GRAIN=… PERIOD=… SCOPE=…]
	@test -n "$(DBT_TARGET)" || test -f "$(SALES_KPIS_DUCKDB_PATH)" || $(MAKE) --no-print-directory build
	@$(BIN)/python scripts/alerts_summary.py $(if $(GRAIN),--grain $(GRAIN)) $(if $(PERIOD),--period $(PERIOD)) \
		$(if $(SCOPE),--scope $(SCOPE)) $(DASHBOARD_FLAGS)

$(CHROMIUM):
	$(SUDO) apt-get update
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends chromium fonts-dejavu-core

test-dashboard: $(BIN)/.installed profiles.yml $(CHROMIUM)  ## only the cockpit in headless Chromium (installs chromium when absent, builds when needed)
	@test -f "$(SALES_KPIS_DUCKDB_PATH)" || $(MAKE) --no-print-directory build
	$(BIN)/python -m pytest python_tests/browser

# Builds first only when there is no DuckDB file yet (the catalog reads the built relations).


docs: $(BIN)/.installed profiles.yml  ## dbt docs generate on the demo data, plus the one-file site docs/site/index.html
	@test -f "$(SALES_KPIS_DUCKDB_PATH)" || $(MAKE) --no-print-directory build
	@mkdir -p logs $(dir $(DOCS_SITE))
	set -o pipefail; $(DBT) docs generate --static --no-partial-parse 2>&1 | tee $(DOCS_LOG)
	@if sed 's/\x1b\[[0-9;]*m//g' $(DOCS_LOG) | grep -iE 'warn|deprecat|error|undocumented|missing'; then \
		echo "dbt docs generate printed the warning(s) above: fix them"; exit 1; fi
	cp target/static_index.html $(DOCS_SITE)
	@echo ""
	@echo "Docs site: $(DOCS_SITE) (one file, open it in a browser) — or \`make docs-serve\`"

docs-serve: $(BIN)/.installed  ## serve the site of `make docs` on http://localhost:8080 (DOCS_PORT=…)
	@test -f $(DOCS_SITE) || { echo "no $(DOCS_SITE): run \`make docs\` first"; exit 1; }
	@echo "Serving $(DOCS_SITE) on http://localhost:$(DOCS_PORT)/ (Ctrl-C to stop)"
	$(BIN)/python -m http.server $(DOCS_PORT) --bind 127.0.0.1 --directory $(dir $(DOCS_SITE))

semantic-validate: $(BIN)/.installed profiles.yml  ## validate the MetricFlow semantic layer (`mf validate-configs`) on the built DuckDB file
	test -f "$(SALES_KPIS_DUCKDB_PATH)" || $(MAKE) build
	$(DBT) parse
	$(BIN)/mf validate-configs

# The demo built on a throwaway PostgreSQL server (scripts/with_postgres.sh); then the cockpit's
# data and the alerts are read back from the PostgreSQL marts (through dbt),
# incremental = full is checked (python_tests/test_incremental.py), and the demo story as
# HubSpot and as Salesforce (scripts/crm_demo.py) is built with crm_source: hubspot /
# salesforce into schemas analytics_hubspot / analytics_salesforce (their adapters' unit
# tests run there), whose KPI marts and scorecards must equal the contract build's: the
# chain is scripts/test_postgres.sh.
test-postgres: $(BIN)/.installed profiles.yml  ## on a throwaway PostgreSQL server: build, the cockpit, incremental = full, the HubSpot and Salesforce demos
	BIN=$(BIN) scripts/with_postgres.sh scripts/test_postgres.sh

# Spark (scripts/with_spark.sh: Java from Debian when absent, warehouse in a private folder,
# no JVM left) inside a throwaway PostgreSQL (scripts/with_postgres.sh): every seed, model,
# unit test and data test on Spark; then the demo's seeds and models on PostgreSQL, and
# python_tests/test_engines.py compares the KPI marts, kpi_scorecard and dq_quarantine of
# DuckDB, PostgreSQL and Spark (it reads Spark's parquet files before with_spark.sh removes them).
test-spark: $(BIN)/.installed profiles.yml  ## build and test everything on a local Apache Spark (installs Java when absent), then same numbers on DuckDB, PostgreSQL and Spark
	scripts/with_postgres.sh scripts/with_spark.sh bash -c '$(DBT) build --target spark \
		&& $(DBT) build --target postgres --resource-type seed --resource-type model \
		&& $(BIN)/python -m pytest python_tests/test_engines.py -m engines'

seeds-demo: $(BIN)/.installed  ## regenerate the demo CSVs of seeds/crm/ and the demo targets
	$(BIN)/python scripts/generate_demo_data.py --seed 42 --scale 1.0 --format csv --out seeds/crm
	$(BIN)/python scripts/generate_kpi_targets.py --out seeds/config/kpi_targets.csv

# SCALE: volume of the generated story; THREADS: dbt --threads; KEEP=1 keeps the work folder.
SCALE ?= 100
bench: $(BIN)/.installed profiles.yml  ## time generation, load, dbt build/run/test on generated data; target/bench.json [SCALE=100 THREADS= KEEP=1]
	$(BIN)/python scripts/bench.py --scale $(SCALE) $(if $(THREADS),--threads $(THREADS)) $(if $(filter 1,$(KEEP)),--keep)

clean:  ## remove build artefacts (keeps the virtualenv)
	rm -rf target logs sales_kpis.duckdb docs/site $(DASHBOARD)
