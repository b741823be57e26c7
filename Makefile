# sales_kpis — two commands: `make build`, `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := build

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DBT := $(BIN)/dbt

export DBT_PROFILES_DIR := $(CURDIR)
export SALES_KPIS_DUCKDB_PATH ?= $(CURDIR)/sales_kpis.duckdb

.PHONY: build test semantic-validate test-postgres seeds-demo clean help

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

test: build  ## build, then run python_tests/ (dbt tests run in the build)
	$(BIN)/python -m pytest python_tests

semantic-validate: $(BIN)/.installed profiles.yml  ## validate the MetricFlow semantic layer (`mf validate-configs`) on the built DuckDB file
	test -f "$(SALES_KPIS_DUCKDB_PATH)" || $(MAKE) build
	$(DBT) parse
	$(BIN)/mf validate-configs

test-postgres: $(BIN)/.installed profiles.yml  ## build everything on a throwaway PostgreSQL server
	scripts/with_postgres.sh $(DBT) build --target postgres

seeds-demo: $(BIN)/.installed  ## regenerate the demo CSVs of seeds/crm/
	$(BIN)/python scripts/generate_demo_data.py --out seeds/crm

clean:  ## remove build artefacts (keeps the virtualenv)
	rm -rf target logs sales_kpis.duckdb
