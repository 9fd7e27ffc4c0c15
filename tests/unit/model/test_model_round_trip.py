"""The model keeps every field: data -> CaseStudy -> data gives back what the editor wrote."""

from __future__ import annotations

import json

from generator.load.strict_yaml import load_yaml
from generator.model import CaseStudy, to_data
from tests.conftest import REPO

EVERY_FIELD = REPO / "tests" / "examples" / "positive" / "every-field.yaml"


def data_paths(data: object, at: str = "") -> set[str]:
    if isinstance(data, dict):
        return {at} | {p for key, value in data.items() for p in data_paths(value, f"{at}.{key}")}
    if isinstance(data, list):
        return {at} | {p for value in data for p in data_paths(value, f"{at}[]")}
    return {at}


def schema_paths(node: dict, definitions: dict, at: str = "") -> set[str]:
    """Every field the schema knows, optional ones included."""
    if "$ref" in node:
        node = definitions[node["$ref"].rsplit("/", 1)[1]]
    found = {at}
    for key, child in node.get("properties", {}).items():
        found |= schema_paths(child, definitions, f"{at}.{key}")
    if "items" in node:
        found |= schema_paths(node["items"], definitions, f"{at}[]")
    return found


def test_every_optional_field_survives_a_round_trip():
    data = load_yaml(EVERY_FIELD.read_text(encoding="utf-8"))
    schema = json.loads((REPO / "schema" / "case-study.schema.json").read_text(encoding="utf-8"))
    # The example uses every field the schema has, so a mapping that drops one fails here.
    # (Money is an amount or a range: the costs give one, the claimed savings the other; the
    # five characteristics share one shape, and two are given.)
    unused = schema_paths(schema, schema["definitions"]) - data_paths(data)
    assert unused == {
        ".costs[].amount_range",
        ".costs[].amount_range.low",
        ".costs[].amount_range.high",
        ".claimed_savings[].amount",
        ".characteristics.universal-services-hub",
        ".characteristics.outreach-to-vulnerable-groups",
        ".characteristics.creative-capacity-building",
        ".impact_evidence",  # read-only: the open data carries it, a case-study file may not
    }
    assert to_data(CaseStudy.from_data(data, "practice/every-field.yaml")) == data


def test_every_shipped_case_study_survives_a_round_trip():
    for path in sorted((REPO / "practice").glob("*.yaml")):
        data = load_yaml(path.read_text(encoding="utf-8"))
        assert to_data(CaseStudy.from_data(data, str(path))) == data, path.name
