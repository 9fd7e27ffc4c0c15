"""The ratings' standards as JSON Schema, as far as JSON Schema can say them.

Written into the published schema (`practice schema --write`) so that the proposal form's Ajv
and editors' YAML tools refuse a rating its evidence does not support, in the validator's own
words: each condition carries the message and fix `practice validate` gives
(standards.unmet_message) as its `description` and `title`.

JSON Schema cannot follow an outcome's `source:` to that source, nor compare two figures, so
here the outcome's conditions and the source's are checked apart ("some outcome is improved
and from a comparison; some source is an evaluation held in full"), and "figures that moved"
means figures to compare. The validator's own rule (check/evidence_standard.py) is exact and
at least as strict; tests/unit/config/test_rating_schema.py holds it to that. The validator
leaves these conditions out of its own schema check (`without_rating_conditions`), so that a
file refused for its rating gets the one exact message.
"""

from __future__ import annotations

from typing import Any

from generator.config.standards import OutcomeNeed, RatingStandard, unmet_message
from generator.config.taxonomy import Taxonomy

MARK = "rating standard"  # the $comment of every condition this module writes


def _measured() -> dict[str, Any]:
    """Figures to compare: follow_up with a baseline or a comparison, or a percent not 0."""
    return {
        "anyOf": [
            {"required": ["follow_up", "baseline"]},
            {"required": ["follow_up", "comparison"]},
            {
                "required": ["change"],
                "properties": {"change": {"required": ["percent"], "properties": {"percent": {"not": {"const": 0}}}}},
            },
        ]
    }


def _outcome_condition(need: OutcomeNeed, outputs: list[str]) -> dict[str, Any]:
    outcome: dict[str, Any] = {"properties": {}, "required": []}
    for field, ids in (("direction", need.direction_any_of), ("design", need.design_any_of)):
        if ids:
            outcome["properties"][field] = {"enum": list(ids)}
            outcome["required"].append(field)
    if need.measured:
        outcome["allOf"] = [_measured(), {"not": {"properties": {"domain": {"enum": outputs}}}}]
    source: dict[str, Any] = {"properties": {}, "required": []}
    for field, ids in (("kind", need.source_kind_any_of), ("access", need.source_access_any_of)):
        if ids:
            source["properties"][field] = {"enum": list(ids)}
            source["required"].append(field)
    then: dict[str, Any] = {"required": ["outcomes"], "properties": {"outcomes": {"contains": outcome}}}
    if source["required"]:
        then["required"].append("sources")
        then["properties"]["sources"] = {"contains": source}
    return then


def _conditions(standard: RatingStandard, outputs: list[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    if standard.basis_any_of:
        basis = {"properties": {"basis": {"contains": {"enum": list(standard.basis_any_of)}}}}
        found["basis"] = {"required": ["evidence"], "properties": {"evidence": basis}}
    if standard.outcome is not None:
        found["outcome"] = _outcome_condition(standard.outcome, outputs)
    return found


def rating_conditions(taxonomy: Taxonomy) -> list[dict[str, Any]]:
    """One if/then per rating and requirement, in the taxonomy's order."""
    labels = taxonomy.labels()
    outputs = sorted(taxonomy.outputs)
    found = []
    for rating in taxonomy.ratings.terms:
        for key, then in _conditions(rating.standard, outputs).items():
            message, hint = unmet_message(rating.id, rating.standard, key, labels)
            found.append(
                {
                    "$comment": f"{MARK}: {rating.id}, {key}",
                    "description": message,
                    "title": hint,
                    "if": {
                        "required": ["evidence"],
                        "properties": {
                            "evidence": {"required": ["rating"], "properties": {"rating": {"const": rating.id}}}
                        },
                    },
                    "then": then,
                }
            )
    return found


def is_rating_condition(node: Any) -> bool:
    return isinstance(node, dict) and str(node.get("$comment", "")).startswith(MARK + ":")


def without_rating_conditions(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema less the conditions this module writes (a shallow copy)."""
    kept = [node for node in schema.get("allOf", []) if not is_rating_condition(node)]
    result = {k: v for k, v in schema.items() if k != "allOf"}
    return {**result, "allOf": kept} if kept else result
