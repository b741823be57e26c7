"""The raw contract's column list is written once in the project (macro crm_contract) and
every other copy agrees with it: the tests' copy (crm_contract.py, from which the test
datasets are made), the `crm` source's documented columns, and the demo seeds' headers."""

from __future__ import annotations

import csv
import json

import pytest
import yaml

from crm_contract import CONTRACT
from dbt_harness import REPO_ROOT, run_dbt

SOURCES_YML = REPO_ROOT / "models" / "staging" / "contract" / "_contract__sources.yml"
DEMO_SEEDS = REPO_ROOT / "seeds" / "crm"


@pytest.fixture(scope="module")
def project_contract(tmp_path_factory) -> dict:
    """The macro crm_contract(), as `dbt compile --inline` renders it."""
    work_dir = tmp_path_factory.mktemp("contract")
    result = run_dbt(["compile", "--inline", "{{ tojson(crm_contract()) }}", "--output", "json", "--quiet"],
                     work_dir, work_dir / "unused.duckdb")
    assert result.ok, result.describe()
    return json.loads(json.loads(result.stdout)["compiled"])


def test_the_tests_copy_is_the_projects_contract(project_contract):
    assert list(project_contract) == list(CONTRACT)
    for table, spec in CONTRACT.items():
        # columns in contract order, with their types
        assert list(project_contract[table]["columns"].items()) == list(spec["columns"].items()), table
        assert project_contract[table]["key"] == spec["key"], table
        assert project_contract[table]["latest_by"] == spec["latest_by"], table


def test_the_crm_source_documents_every_contract_column(project_contract):
    tables = {table["name"]: table for table in yaml.safe_load(SOURCES_YML.read_text())["sources"][0]["tables"]}
    assert list(tables) == list(project_contract)
    for table, spec in project_contract.items():
        assert [column["name"] for column in tables[table]["columns"]] == list(spec["columns"]), table


@pytest.mark.parametrize("table", list(CONTRACT))
def test_each_demo_seed_has_the_contract_columns(project_contract, table):
    with (DEMO_SEEDS / f"{table}.csv").open(newline="") as handle:
        header = next(csv.reader(handle))
    assert header == list(project_contract[table]["columns"])
