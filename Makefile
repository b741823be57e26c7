# sales_kpis — two commands: `make build`, `make test` (and `make docs` for the docs site).
SHELL := /bin/bash
.DEFAULT_GOAL := build

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DBT := $(BIN)/dbt

export DBT_PROFILES_DIR := $(CURDIR)
export SALES_KPIS_DUCKDB_PATH ?= $(CURDIR)/sales_kpis.duckdb

.PHONY: build test scorecard docs docs-serve semantic-validate test-postgres seeds-demo bench clean help

# The one-file docs site (`dbt docs generate --static`), kept at a stable path.
DOCS_SITE := docs/site/index.html
DOCS_LOG := logs/docs_generate.log
DOCS_PORT ?= 8080

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
	@echo ""
	@echo "Built into the DuckDB file $(SALES_KPIS_DUCKDB_PATH)"
	@echo ""
	@$(BIN)/python scripts/scorecard_summary.py

# MONTH=YYYY-MM picks the month; SALES_KPIS_LANG=fr (or SCORECARD_FLAGS=--lang=fr) speaks French.
scorecard: $(BIN)/.installed  ## show the company scorecard again, without rebuilding [MONTH=YYYY-MM]
	@$(BIN)/python scripts/scorecard_summary.py $(if $(MONTH),--month $(MONTH)) $(SCORECARD_FLAGS)

test: build  ## build, then run python_tests/ (dbt tests run in the build)
	$(BIN)/python -m pytest python_tests

# Builds first only when there is no DuckDB file yet (the catalog reads the built relations).
# --no-partial-parse: partial parsing can drop the descriptions of singular tests
# (tests/singular/_singular__tests.yml) when a doc block they depend on changes.
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

test-postgres: $(BIN)/.installed profiles.yml  ## build everything on a throwaway PostgreSQL server
	scripts/with_postgres.sh $(DBT) build --target postgres

seeds-demo: $(BIN)/.installed  ## regenerate the demo CSVs of seeds/crm/ and the demo targets
	$(BIN)/python scripts/generate_demo_data.py --seed 42 --scale 1.0 --format csv --out seeds/crm
	$(BIN)/python scripts/generate_kpi_targets.py --out seeds/config/kpi_targets.csv

# SCALE: volume of the generated story; THREADS: dbt --threads; KEEP=1 keeps the work folder.
SCALE ?= 100
bench: $(BIN)/.installed profiles.yml  ## time generation, load, dbt build/run/test on generated data; target/bench.json [SCALE=100 THREADS= KEEP=1]
	$(BIN)/python scripts/bench.py --scale $(SCALE) $(if $(THREADS),--threads $(THREADS)) $(if $(filter 1,$(KEEP)),--keep)

clean:  ## remove build artefacts (keeps the virtualenv)
	rm -rf target logs sales_kpis.duckdb docs/site
