"""The taxonomy is the one source of truth: the schema's enums must agree with it."""

from __future__ import annotations

import json
from dataclasses import replace

from generator.config.rating_schema import is_rating_condition
from generator.config.schema_sync import ENUM_DEFINITIONS, synced
from generator.config.taxonomy import Taxonomy, Term, Vocabulary


def test_committed_schema_matches_taxonomy(repo, taxonomy):
    committed = json.loads(repo.schema_path.read_text(encoding="utf-8"))
    assert committed == synced(committed, taxonomy), "run: practice schema --write"


def test_each_enum_lists_exactly_the_taxonomy_ids(repo, taxonomy):
    schema = json.loads(repo.schema_path.read_text(encoding="utf-8"))
    for definition, vocabulary in ENUM_DEFINITIONS.items():
        assert schema["definitions"][definition]["enum"] == getattr(taxonomy, vocabulary).ids
    characteristic_keys = list(schema["properties"]["characteristics"]["properties"])
    assert characteristic_keys == taxonomy.characteristics.ids


def test_drift_is_detected(repo, taxonomy):
    """Adding a theme to the taxonomy without syncing the schema must be caught."""
    committed = json.loads(repo.schema_path.read_text(encoding="utf-8"))
    extra = Term("housing", "Housing", "Housing need.")
    drifted: Taxonomy = replace(taxonomy, themes=Vocabulary("themes", (*taxonomy.themes.terms, extra)))
    assert synced(committed, drifted) != committed


def test_taxonomy_has_the_five_characteristics_and_three_ratings(taxonomy):
    assert taxonomy.ratings.ids == ["fully-validated", "promising", "emerging"]
    assert len(taxonomy.characteristics.ids) == 5
    for vocabulary in (taxonomy.ratings, taxonomy.characteristics, taxonomy.themes):
        for term in vocabulary.terms:
            assert len(term.description) > 40, f"{term.id} needs a description an editor can apply"


def schema_objects(node, path="$"):
    """Every mapping in the schema, with where it is."""
    if isinstance(node, dict):
        yield path, node
        for key, child in node.items():
            yield from schema_objects(child, f"{path}.{key}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from schema_objects(child, f"{path}[{index}]")


def test_every_schema_field_is_described(repo):
    """Editors' tooling shows these descriptions; a field without one is a gap. (The ratings'
    conditions name fields to test them, not to define them: each carries its message.)"""
    schema = json.loads(repo.schema_path.read_text(encoding="utf-8"))
    conditions = schema.pop("allOf")
    assert conditions and all(is_rating_condition(c) and c["description"] and c["title"] for c in conditions)
    undescribed = [
        f"{path}.{name}"
        for path, node in schema_objects(schema)
        for name, child in node.get("properties", {}).items()
        if isinstance(child, dict) and "description" not in child and ".if" not in path
    ]
    assert undescribed == []


def test_every_object_forbids_unknown_fields(repo):
    schema = json.loads(repo.schema_path.read_text(encoding="utf-8"))
    open_objects = [
        path
        for path, node in schema_objects(schema)
        if node.get("type") == "object" and node.get("additionalProperties") is not False
    ]
    assert open_objects == []
