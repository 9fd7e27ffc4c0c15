"""The proposal form asks for every field the published schema defines, once, with a label,
and offers exactly the taxonomy's choices. The oracle is a walk of the schema's JSON written
here, independent of generator.render.proposal_form."""

from __future__ import annotations

import copy
import json

from generator.render.proposal_form import proposal_steps
from generator.render.proposal_form_words import STEPS


def schema_paths(schema: dict, node: dict | None = None, at: str = "") -> set[str]:
    """Every property path the schema defines, with * for each item of a list of objects."""
    node = schema if node is None else node
    if "$ref" in node:
        node = schema["definitions"][node["$ref"].split("/")[-1]]
    paths = set()
    for name, child in node.get("properties", {}).items():
        if child.get("readOnly"):  # computed when the site is built: never asked
            continue
        path = f"{at}/{name}".lstrip("/")
        paths.add(path)
        target = schema["definitions"][child["$ref"].split("/")[-1]] if "$ref" in child else child
        if target.get("type") == "object":
            paths |= schema_paths(schema, target, path)
        items = target.get("items", {})
        items = schema["definitions"][items["$ref"].split("/")[-1]] if "$ref" in items else items
        if target.get("type") == "array" and items.get("type") == "object":
            paths |= schema_paths(schema, items, f"{path}/*")
    return paths


def form_paths(steps) -> list[str]:
    return [field.path for step in steps for top in step.fields for field in top.walk()]


def test_every_schema_field_is_asked_once_with_a_label(repo, taxonomy):
    schema = json.loads(repo.schema_path.read_text(encoding="utf-8"))
    steps = proposal_steps(schema, taxonomy)
    asked = form_paths(steps)
    assert sorted(asked) == sorted(schema_paths(schema))
    assert len(asked) == len(set(asked))
    for step in steps:
        for top in step.fields:
            for field in top.walk():
                assert field.label.strip(), field.path
    assert [step.title for step in steps] == [title for title, _, _ in STEPS]
    placed = [name for _, _, names in STEPS for name in names]
    writable = [name for name, node in schema["properties"].items() if not node.get("readOnly")]
    assert sorted(placed) == sorted(writable)  # every property placed in a step on purpose


def test_the_choices_are_the_taxonomys_with_their_meanings(repo, taxonomy):
    schema = json.loads(repo.schema_path.read_text(encoding="utf-8"))
    fields = {f.path: f for step in proposal_steps(schema, taxonomy) for top in step.fields for f in top.walk()}
    assert [c.value for c in fields["themes"].choices] == taxonomy.themes.ids
    assert fields["themes"].widget == "checkboxes"
    assert [c.value for c in fields["evidence/rating"].choices] == taxonomy.ratings.ids
    assert fields["evidence/rating"].widget == "radios"
    assert all(c.help for c in fields["evidence/rating"].choices)
    assert [c.value for c in fields["outcomes/*/domain"].choices] == taxonomy.outcome_domains.ids
    characteristic = fields["characteristics/evaluation-of-impact"]
    assert characteristic.label == taxonomy.characteristics["evaluation-of-impact"].label
    assert characteristic.widget == "textarea"
    assert fields["outcomes"].widget == "repeat" and fields["outcomes"].item_label == "outcome"
    assert fields["costs"].item_label == "cost" and fields["claimed_savings"].item_label == "claimed saving"
    assert fields["partners"].widget == "lines"
    assert fields["period/end"].widget == "year-or-word"
    assert fields["published"].widget == "date"


def test_a_property_no_step_names_is_still_asked_in_the_last_step(repo, taxonomy):
    schema = json.loads(repo.schema_path.read_text(encoding="utf-8"))
    grown = copy.deepcopy(schema)
    grown["properties"]["funding_stream"] = {"type": "string", "title": "Funding stream", "maxLength": 100}
    steps = proposal_steps(grown, taxonomy)
    assert steps[-1].fields[-1].path == "funding_stream" and steps[-1].fields[-1].label == "Funding stream"
