"""The evidence standards: what each rating requires, as written in schema/taxonomy.yaml.

One definition serves the validator (an error where a case study's rating outruns its
evidence), the site (the requirements shown beside each rating) and the JSON Schema (the part
JSON Schema can express, written by generator.config.rating_schema), so they cannot differ.

A rating asks for evidence bases (`basis_any_of`) and for at least one outcome meeting every
condition of `outcome`: what the figures showed (direction), how they were measured (design),
that they moved (measured), and what kind of document they come from and how much of it the
repository holds (the kind and access of the source the outcome names).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.figures import reference_of

REQUIREMENT_KEYS = ("basis_any_of", "outcome")
# outcome condition -> the taxonomy vocabulary its ids come from ("" for a true/false condition)
OUTCOME_CONDITIONS = {
    "direction_any_of": "directions",
    "design_any_of": "designs",
    "measured": "",
    "source_kind_any_of": "source_kinds",
    "source_access_any_of": "source_access",
}
MAX_LISTED = 50  # ids a requirement may list


@dataclass(frozen=True)
class OutcomeNeed:
    """What at least one outcome must show. Empty fields ask nothing."""

    direction_any_of: tuple[str, ...] = ()
    design_any_of: tuple[str, ...] = ()
    measured: bool = False  # figures that moved (is_measured_change)
    source_kind_any_of: tuple[str, ...] = ()
    source_access_any_of: tuple[str, ...] = ()


@dataclass(frozen=True)
class RatingStandard:
    """What a case study must show to carry a rating. Empty: no requirement."""

    basis_any_of: tuple[str, ...] = ()  # evidence basis ids: at least one of them
    outcome: OutcomeNeed | None = None  # at least one outcome meeting every condition

    @property
    def is_empty(self) -> bool:
        return self == RatingStandard()


def _ids(value: Any, known: list[str], key: str, vocabulary: str) -> tuple[tuple[str, ...] | None, str]:
    if not isinstance(value, list) or not value or any(item not in known for item in value):
        return None, f"{key} must list ids from {vocabulary}"
    if len(value) > MAX_LISTED or len(set(value)) != len(value):
        return None, f"{key} must list each id once, at most {MAX_LISTED}"
    return tuple(value), ""


def _parse_outcome(data: Any, known: Mapping[str, list[str]]) -> tuple[OutcomeNeed | None, list[str | int], str]:
    if not isinstance(data, dict) or not data:
        return None, [], "outcome must be a mapping of " + ", ".join(OUTCOME_CONDITIONS)
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in OUTCOME_CONDITIONS:
            return None, [key], f"unknown outcome condition {str(key)[:40]!r}; use {', '.join(OUTCOME_CONDITIONS)}"
        vocabulary = OUTCOME_CONDITIONS[key]
        if not vocabulary:
            if value is not True and value is not False:
                return None, [key], f"{key} must be true or false"
            values[key] = value
            continue
        ids, why = _ids(value, known[vocabulary], key, vocabulary)
        if ids is None:
            return None, [key], why
        values[key] = ids
    return OutcomeNeed(**values), [], ""


def parse_standard(data: Any, known: Mapping[str, list[str]]) -> tuple[RatingStandard | None, list[str | int], str]:
    """The standard in a rating's `requires:` mapping, or (None, where, why) when it is wrong.
    `known` maps evidence_bases and the outcome conditions' vocabularies to their ids."""
    if data is None:
        return RatingStandard(), [], ""
    if not isinstance(data, dict):
        return None, [], "requires must be a mapping of " + ", ".join(REQUIREMENT_KEYS)
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in REQUIREMENT_KEYS:
            return None, [key], f"unknown requirement {str(key)[:40]!r}; use {', '.join(REQUIREMENT_KEYS)}"
        if key == "outcome":
            need, where, why = _parse_outcome(value, known)
            if need is None:
                return None, [key, *where], why
            values[key] = need
            continue
        ids, why = _ids(value, known["evidence_bases"], key, "evidence_bases")
        if ids is None:
            return None, [key], why
        values[key] = ids
    return RatingStandard(**values), [], ""


def is_measured_change(outcome: dict[str, Any], outputs: frozenset[str]) -> bool:
    """An outcome for families with a measured change: a percentage other than 0, or a
    follow-up that differs from the comparison group's figure (or, without a comparison group,
    from the figure before). A count of activity (an outcome domain marked `kind: output`), a
    figure with nothing to compare it with, or no change at all does not count."""
    if outcome["domain"] in outputs:
        return False
    follow_up = outcome.get("follow_up")
    reference = reference_of(outcome)
    moved = follow_up is not None and reference is not None and follow_up["value"] != reference["value"]
    return moved or outcome["change"].get("percent", 0) != 0


def sources_by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each source by its id (the first, where a file gives one twice: a rule reports that)."""
    found: dict[str, dict[str, Any]] = {}
    for source in data["sources"]:
        found.setdefault(source["id"], source)
    return found


def outcome_meets(
    outcome: dict[str, Any], need: OutcomeNeed, sources: Mapping[str, dict[str, Any]], outputs: frozenset[str]
) -> bool:
    """Whether one outcome meets every condition of `need`."""
    source = sources.get(outcome["source"])
    return (
        (not need.direction_any_of or outcome["direction"] in need.direction_any_of)
        and (not need.design_any_of or outcome["design"] in need.design_any_of)
        and (not need.measured or is_measured_change(outcome, outputs))
        and (not need.source_kind_any_of or (source is not None and source["kind"] in need.source_kind_any_of))
        and (not need.source_access_any_of or (source is not None and source["access"] in need.source_access_any_of))
    )


def unmet(
    standard: RatingStandard, data: dict[str, Any], outputs: frozenset[str] = frozenset()
) -> list[tuple[list[str | int], str]]:
    """Each requirement of `standard` that the schema-valid case study `data` does not meet,
    with the field to point at. `outputs`: the outcome domains that count activity."""
    found: list[tuple[list[str | int], str]] = []
    if standard.basis_any_of and not set(data["evidence"]["basis"]) & set(standard.basis_any_of):
        found.append((["evidence", "basis"], "basis"))
    if standard.outcome is not None:
        sources = sources_by_id(data)
        if not any(outcome_meets(o, standard.outcome, sources, outputs) for o in data["outcomes"]):
            found.append((["outcomes"], "outcome"))
    return found


Labels = Mapping[str, Mapping[str, str]]  # vocabulary name -> id -> label


def _either(ids: tuple[str, ...], labels: Mapping[str, str]) -> str:
    return " or ".join(labels[i].lower() for i in ids)


def outcome_requirement(need: OutcomeNeed, labels: Labels) -> str:
    """The outcome condition in words, naming the fields and values a contributor writes."""
    parts = ["at least one outcome"]
    if need.direction_any_of:
        parts.append(f"whose direction is {' or '.join(need.direction_any_of)}")
    if need.design_any_of:
        designs = _either(need.design_any_of, labels["designs"])
        parts.append(f"measured by a {designs} (design: {' or '.join(need.design_any_of)})")
    if need.measured:
        parts.append(
            "with figures that moved (a change in percent other than 0, or a follow-up that differs from the "
            "comparison group's figure or, without one, from the figure before)"
        )
    if need.source_kind_any_of:
        parts.append(f"taken from a cited {_either(need.source_kind_any_of, labels['source_kinds'])}")
    if need.source_access_any_of:
        held = " or ".join(f"{i} ({labels['source_access'][i].lower()})" for i in need.source_access_any_of)
        parts.append(f"from a source held as {held}")
    return parts[0] + (" " + ", ".join(parts[1:]) if len(parts) > 1 else "")


def requirement(standard: RatingStandard, key: str, labels: Labels) -> str:
    """One requirement in words, for readers and editors alike."""
    if key == "basis":
        bases = labels["evidence_bases"]
        return "evidence of one of these kinds: " + ", ".join(bases[i].lower() for i in standard.basis_any_of)
    assert standard.outcome is not None
    return outcome_requirement(standard.outcome, labels)


HINTS = {
    "basis": "add to evidence.basis what the sources show, if they show it; otherwise choose a lower rating",
    "outcome": (
        "give each outcome the design, direction and source its figures have, and each source the access "
        "the repository has to it; if no outcome meets this, choose a lower rating"
    ),
}


def unmet_message(rating_id: str, standard: RatingStandard, key: str, labels: Labels) -> tuple[str, str]:
    """What `practice validate` (and the proposal form, through the schema) says when a case
    study rated `rating_id` does not meet requirement `key`: the message and the fix."""
    return (
        f"the rating '{rating_id}' needs {requirement(standard, key, labels)}",
        f"{HINTS[key]} (the standards: schema/taxonomy.yaml, ratings)",
    )


def requirements(standard: RatingStandard, labels: Labels) -> list[str]:
    """Every requirement of the standard in words, in a fixed order."""
    keys = (["basis"] if standard.basis_any_of else []) + (["outcome"] if standard.outcome else [])
    return [requirement(standard, key, labels) for key in keys]
