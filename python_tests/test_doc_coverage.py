"""Documentation coverage of the docs site: everything of THIS project is described.

Runs `dbt docs generate` against the demo build (the session fixture `demo_build`) into a
private target path, then reads its manifest.json and catalog.json:

- every model, and every column the catalog finds in it (the built relation, not only the
  columns a YAML lists), has a non-empty description in the manifest;
- the same for every source, source table and source column, every seed and seed column —
  except that the raw contract's columns are described once, on the `crm` source: a column
  of a demo seed (seeds/crm/) or of a staging layer model (base_contract__<table>,
  base_crm__<table>) that is a column of the source table <table> takes that description;
- every macro of the project (generic tests included: dbt names them test_<name>) is
  described, and so is every argument of its signature;
- every var of dbt_project.yml appears on the overview page (dbt does not document vars);
- the three role boards are exposures fed by their scorecard and the KPI marts of their role.

A failure lists what is undescribed. `undescribed()` is a pure function of the two
artefacts; `test_a_missing_description_is_reported` proves it can fail.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
import yaml

from dbt_harness import REPO_ROOT, generate_docs

PROJECT = "sales_kpis"

KINDS = [
    "models", "model columns", "sources", "source tables", "source columns", "seeds",
    "seed columns", "macros", "macro arguments",
]

BOARDS = {
    "sdr_board": {"sdr_scorecard", "kpi_activity_volume", "kpi_pipeline_sourced", "kpi_email_response_rate", "kpi_call_to_meeting_rate",
                  "kpi_mql_to_sql_rate", "kpi_lead_funnel"},
    "ae_board": {"ae_scorecard", "kpi_win_rate", "kpi_revenue", "kpi_average_deal_size", "kpi_sales_cycle_length",
                 "kpi_quota_attainment"},
    "manager_board": {"manager_scorecard", "kpi_scorecard", "kpi_revenue", "kpi_win_rate", "kpi_team_quota_attainment", "kpi_cac",
                      "kpi_customer_lifetime_value", "kpi_ltv_to_cac", "kpi_mrr_growth",
                      "kpi_churn_rate", "kpi_nps", "kpi_sales_forecast"},
}

_SIGNATURE = re.compile(r"\{%-?\s*(?:macro|test)\s+\w+\s*\((.*?)\)\s*-?%\}", re.S)


def _described(text) -> bool:
    return bool((text or "").strip())


def signature_arguments(macro_sql: str) -> list[str]:
    """The argument names of a macro's (or generic test's) signature."""
    match = _SIGNATURE.search(macro_sql or "")
    if not match or not match.group(1).strip():
        return []
    return [part.split("=")[0].strip() for part in match.group(1).split(",") if part.strip()]


def _undescribed_columns(name: str, documented: dict, built: dict) -> list[str]:
    """Columns of `built` (catalog) and `documented` (manifest) without a description."""
    descriptions = {column.lower(): props.get("description") for column, props in documented.items()}
    columns = {column.lower() for column in built} | set(descriptions)
    return [f"{name}.{column}" for column in sorted(columns) if not _described(descriptions.get(column))]


_CONTRACT_NODES = re.compile(r"^(?:seed\.sales_kpis\.|model\.sales_kpis\.base_(?:contract|crm)__)(\w+)$")


def contract_descriptions(manifest: dict) -> dict[str, dict[str, str]]:
    """The descriptions of the `crm` source's columns, by raw table."""
    return {
        source["name"]: {column.lower(): props.get("description") for column, props in source["columns"].items()}
        for source in manifest["sources"].values()
        if source["package_name"] == PROJECT and source["source_name"] == "crm"
    }


def _with_contract_descriptions(unique_id: str, columns: dict, contract: dict) -> dict:
    """A demo seed's or staging layer model's columns, the raw contract's described by the source."""
    match = _CONTRACT_NODES.match(unique_id)
    if not match or match.group(1) not in contract:
        return columns
    inherited = {name: {"description": text} for name, text in contract[match.group(1)].items()}
    return {**inherited, **{name.lower(): props for name, props in columns.items() if _described(props.get("description"))}}


def undescribed(manifest: dict, catalog: dict) -> tuple[dict[str, list[str]], dict[str, int]]:
    """What of this project has no description, by kind, and how many items each kind has."""
    missing: dict[str, list[str]] = {kind: [] for kind in KINDS}
    totals: dict[str, int] = {kind: 0 for kind in KINDS}
    contract = contract_descriptions(manifest)

    def check(kind: str, items: list[str]) -> None:
        missing[kind].extend(items)

    for unique_id, node in manifest["nodes"].items():
        if node["package_name"] != PROJECT:
            continue
        resource_type = node["resource_type"]
        if resource_type in ("model", "seed"):
            kind = resource_type + "s"
            totals[kind] += 1
            if not _described(node.get("description")):
                check(kind, [node["name"]])
            built = (catalog["nodes"].get(unique_id) or {}).get("columns", {})
            if not built:
                check(resource_type + " columns", [f"{node['name']}: not in catalog.json (not built?)"])
            documented = _with_contract_descriptions(unique_id, node["columns"], contract)
            totals[resource_type + " columns"] += len({c.lower() for c in built} | {c.lower() for c in documented})
            check(resource_type + " columns", _undescribed_columns(node["name"], documented, built))

    source_names = set()
    for unique_id, source in manifest["sources"].items():
        if source["package_name"] != PROJECT:
            continue
        if source["source_name"] not in source_names:
            source_names.add(source["source_name"])
            totals["sources"] += 1
            if not _described(source.get("source_description")):
                check("sources", [source["source_name"]])
        full_name = f"{source['source_name']}.{source['name']}"
        totals["source tables"] += 1
        if not _described(source.get("description")):
            check("source tables", [full_name])
        built = (catalog["sources"].get(unique_id) or {}).get("columns", {})
        totals["source columns"] += len({c.lower() for c in built} | {c.lower() for c in source["columns"]})
        check("source columns", _undescribed_columns(full_name, source["columns"], built))

    for macro in manifest["macros"].values():
        if macro["package_name"] != PROJECT:
            continue
        totals["macros"] += 1
        if not _described(macro.get("description")):
            check("macros", [f"{macro['name']} ({macro['original_file_path']})"])
        documented = {argument["name"]: argument.get("description") for argument in macro.get("arguments", [])}
        for argument in dict.fromkeys(signature_arguments(macro.get("macro_sql", "")) + list(documented)):
            totals["macro arguments"] += 1
            if not _described(documented.get(argument)):
                check("macro arguments", [f"{macro['name']}({argument})"])

    return missing, totals


def _report(missing: dict[str, list[str]], totals: dict[str, int]) -> str:
    lines = []
    for kind in KINDS:
        described = totals[kind] - len(missing[kind])
        share = 100.0 * described / totals[kind] if totals[kind] else 100.0
        lines.append(f"  {kind:16} {described}/{totals[kind]} described ({share:.1f} %)")
        lines.extend(f"      undescribed: {item}" for item in missing[kind])
    return "\n".join(lines)


@pytest.fixture(scope="module")
def docs(demo_build, tmp_path_factory):
    """manifest.json and catalog.json of a `dbt docs generate` of the demo build."""
    target = generate_docs(demo_build, tmp_path_factory.mktemp("docs_generate"))
    manifest = json.loads((target / "manifest.json").read_text())
    catalog = json.loads((target / "catalog.json").read_text())
    return manifest, catalog


@pytest.fixture(scope="module")
def coverage(docs):
    return undescribed(*docs)


@pytest.mark.parametrize("kind", KINDS)
def test_everything_of_the_project_is_described(coverage, kind):
    missing, totals = coverage
    assert totals[kind] > 0, f"no {kind} found in the docs artefacts: is the harness reading the right files?"
    assert not missing[kind], (
        f"{len(missing[kind])} of {totals[kind]} {kind} have no description:\n"
        + "\n".join(f"  - {item}" for item in missing[kind])
        + "\n\nCoverage of the whole project:\n" + _report(missing, totals)
    )


def test_a_missing_description_is_reported(docs):
    """The check can fail: blank one description of each kind in a copy of the artefacts."""
    manifest, catalog = copy.deepcopy(docs[0]), docs[1]
    nodes = manifest["nodes"]
    nodes["model.sales_kpis.kpi_win_rate"]["columns"]["win_rate"]["description"] = ""
    nodes["model.sales_kpis.dim_months"]["description"] = " "
    nodes["seed.sales_kpis.kpi_targets"]["columns"]["target_value"]["description"] = ""
    del manifest["sources"]["source.sales_kpis.crm.leads"]["columns"]["mql_at"]
    manifest["macros"]["macro.sales_kpis.safe_divide"]["arguments"] = []
    missing, _ = undescribed(manifest, catalog)
    assert "kpi_win_rate.win_rate" in missing["model columns"]
    assert "dim_months" in missing["models"]
    assert "kpi_targets.target_value" in missing["seed columns"]
    assert "crm.leads.mql_at" in missing["source columns"]  # in the catalog, gone from the YAML
    assert "leads.mql_at" in missing["seed columns"]  # the demo seed's column takes the source's
    assert "base_crm__leads.mql_at" in missing["model columns"]
    assert {"safe_divide(numerator)", "safe_divide(denominator)"} <= set(missing["macro arguments"])


def test_every_var_is_on_the_overview_page(docs):
    manifest = docs[0]
    overview = manifest["docs"][f"doc.{PROJECT}.__overview__"]["block_contents"]
    project_vars = yaml.safe_load((REPO_ROOT / "dbt_project.yml").read_text())["vars"]
    absent = [name for name in project_vars if f"`{name}`" not in overview]
    assert not absent, f"vars missing from the overview page (models/overview.md): {absent}"


def test_the_role_boards_are_exposures_fed_by_their_kpi_marts(docs):
    exposures = {exposure["name"]: exposure for exposure in docs[0]["exposures"].values()}
    assert set(BOARDS) <= set(exposures), f"missing exposures: {sorted(set(BOARDS) - set(exposures))}"
    for board, marts in BOARDS.items():
        exposure = exposures[board]
        feeding = {unique_id.split(".")[-1] for unique_id in exposure["depends_on"]["nodes"]}
        assert marts <= feeding, f"{board} lacks {sorted(marts - feeding)}"
        assert exposure["type"] == "dashboard" and exposure["maturity"] and _described(exposure["description"])
        assert exposure["owner"].get("name") or exposure["owner"].get("email")
