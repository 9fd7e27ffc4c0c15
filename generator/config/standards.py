"""The evidence standards: what each rating requires, as written in schema/taxonomy.yaml.

One definition serves the validator (an error where a case study's rating outruns its
evidence) and the site (the requirements shown beside each rating), so they cannot differ.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# requires: key in the taxonomy -> what it needs of a case study
REQUIREMENT_KEYS = ("basis_any_of", "min_outcomes", "min_measured_outcomes", "source_kinds_any_of")
MAX_COUNT = 50
MAX_LISTED = 50  # ids a requirement may list


@dataclass(frozen=True)
class RatingStandard:
    """What a case study must show to carry a rating. Empty: no requirement."""

    basis_any_of: tuple[str, ...] = ()  # evidence basis ids: at least one of them
    min_outcomes: int = 0  # outcomes reported, with or without figures
    min_measured_outcomes: int = 0  # outcomes with a figure: a percentage, baseline or follow-up
    source_kinds_any_of: tuple[str, ...] = ()  # source kind ids: at least one source of one of them

    @property
    def is_empty(self) -> bool:
        return self == RatingStandard()


def parse_standard(data: Any, known: dict[str, list[str]]) -> tuple[RatingStandard | None, list[str | int], str]:
    """The standard in a rating's `requires:` mapping, or (None, where, why) when it is wrong.
    `known` maps evidence_bases and source_kinds to their ids."""
    if data is None:
        return RatingStandard(), [], ""
    if not isinstance(data, dict):
        return None, [], "requires must be a mapping of " + ", ".join(REQUIREMENT_KEYS)
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in REQUIREMENT_KEYS:
            return None, [key], f"unknown requirement {str(key)[:40]!r}; use {', '.join(REQUIREMENT_KEYS)}"
        if key.startswith("min_"):
            if type(value) is not int or not 0 <= value <= MAX_COUNT:
                return None, [key], f"{key} must be a whole number from 0 to {MAX_COUNT}"
            values[key] = value
            continue
        vocabulary = "evidence_bases" if key == "basis_any_of" else "source_kinds"
        ids = known[vocabulary]
        if not isinstance(value, list) or not value or any(item not in ids for item in value):
            return None, [key], f"{key} must list ids from {vocabulary}"
        if len(value) > MAX_LISTED or len(set(value)) != len(value):
            return None, [key], f"{key} must list each id once, at most {MAX_LISTED}"
        values[key] = tuple(value)
    return RatingStandard(**values), [], ""


def is_measured_change(outcome: dict[str, Any], outputs: frozenset[str]) -> bool:
    """An outcome for families with a measured change: a percentage other than 0, figures
    before and after that differ, or figures with the practice and for a comparison group that
    differ. A count of
    activity (an outcome domain marked `kind: output`), a figure with nothing to compare it
    with, or no change at all does not count."""
    if outcome["domain"] in outputs:
        return False
    follow_up = outcome.get("follow_up")
    reference = outcome.get("baseline") or outcome.get("comparison")
    moved = follow_up is not None and reference is not None and follow_up["value"] != reference["value"]
    return moved or outcome["change"].get("percent", 0) != 0


def unmet(
    standard: RatingStandard, data: dict[str, Any], outputs: frozenset[str] = frozenset()
) -> list[tuple[list[str | int], str]]:
    """Each requirement of `standard` that the schema-valid case study `data` does not meet,
    with the field to point at. `outputs`: the outcome domains that count activity."""
    found: list[tuple[list[str | int], str]] = []
    basis = data["evidence"]["basis"]
    if standard.basis_any_of and not set(basis) & set(standard.basis_any_of):
        found.append((["evidence", "basis"], "basis"))
    outcomes = data["outcomes"]
    if len(outcomes) < standard.min_outcomes:
        found.append((["outcomes"], "min_outcomes"))
    if sum(1 for o in outcomes if is_measured_change(o, outputs)) < standard.min_measured_outcomes:
        found.append((["outcomes"], "min_measured_outcomes"))
    kinds = {source["kind"] for source in data["sources"]}
    if standard.source_kinds_any_of and not kinds & set(standard.source_kinds_any_of):
        found.append((["sources"], "source_kinds"))
    return found


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}" if number == 1 else f"{number} {thing}s"


Labels = Mapping[str, Mapping[str, str]]  # vocabulary name -> id -> label


def requirement(standard: RatingStandard, key: str, labels: Labels) -> str:
    """One requirement in words, for readers and editors alike."""
    if key == "basis":
        bases = labels["evidence_bases"]
        return "evidence of one of these kinds: " + ", ".join(bases[i].lower() for i in standard.basis_any_of)
    if key == "min_outcomes":
        return f"at least {_count(standard.min_outcomes, 'reported outcome')}"
    if key == "min_measured_outcomes":
        return (
            f"at least {_count(standard.min_measured_outcomes, 'outcome')} for families measured with figures "
            "(a change in percent other than 0, or figures before and after, or against a comparison group, "
            "that differ)"
        )
    kinds = labels["source_kinds"]
    return "a cited " + " or ".join(kinds[i].lower() for i in standard.source_kinds_any_of)


def requirements(standard: RatingStandard, labels: Labels) -> list[str]:
    """Every requirement of the standard in words, in a fixed order."""
    keys = []
    if standard.basis_any_of:
        keys.append("basis")
    if standard.min_outcomes:
        keys.append("min_outcomes")
    if standard.min_measured_outcomes:
        keys.append("min_measured_outcomes")
    if standard.source_kinds_any_of:
        keys.append("source_kinds")
    return [requirement(standard, key, labels) for key in keys]
