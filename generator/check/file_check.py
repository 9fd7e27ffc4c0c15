"""Check one file completely (read, schema, rules, warnings), and the collection across files."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from generator.check.evidence_standard import rating_meets_its_standard
from generator.check.outcome_rules import OUTCOME_RULES
from generator.check.positions import PositionFinder
from generator.check.rules import ERROR_RULES, WARNING_RULES, RuleContext, placeholder_problems
from generator.check.schema_validator import SchemaValidator
from generator.config.policy import ReviewPolicy
from generator.config.taxonomy import Taxonomy
from generator.load.read_file import read_case_study
from generator.problems import Problem, field_path


@dataclass
class FileCheck:
    display: str  # path as shown to editors, e.g. practice/leeds-family-valued.yaml
    problems: list[Problem] = field(default_factory=list)
    case_id: str | None = None  # the id the file claims, if it could be read
    id_line: int | None = None
    data: dict[str, Any] | None = None  # the parsed case study, if it is valid
    originates: str | None = None  # the model it says it developed (model.role: originated)
    role_line: int | None = None

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)


def check_file(
    path: Path,
    display: str,
    validator: SchemaValidator,
    today: date,
    review: ReviewPolicy,
    taxonomy: Taxonomy | None = None,
) -> FileCheck:
    """Every problem with one file. Never raises for bad content. Without `taxonomy`, the
    ratings' standards are not applied (for benchmarks of the other checks)."""
    read = read_case_study(path, display)
    check = FileCheck(display, list(read.problems))
    if not read.ok:
        return check
    data = read.data
    if isinstance(data.get("id"), str):
        check.case_id, check.id_line = data["id"], read.key_lines.get("id")
    ctx = RuleContext(path, display, data, read.text, today, PositionFinder(read.text), review, taxonomy)
    check.problems.extend(placeholder_problems(ctx))
    unfilled = frozenset(p.field for p in check.problems)
    check.problems.extend(validator.problems(data, display, ctx.positions, skip_fields=unfilled))
    if check.ok:  # the rules may rely on everything the schema guarantees
        for rule in (*ERROR_RULES, *OUTCOME_RULES, rating_meets_its_standard):
            check.problems.extend(rule(ctx))
    if check.ok:
        for rule in WARNING_RULES:
            check.problems.extend(rule(ctx))
    if check.ok:
        check.data = data
        model = data.get("model", {})
        if model.get("role") == "originated":
            check.originates, check.role_line = model["id"], ctx.positions.locate(["model", "role"])[0]
    check.problems.sort(key=Problem.sort_key)
    return check


def duplicate_id_problems(checks: Iterable[FileCheck], others: dict[str, str] | None = None) -> list[Problem]:
    """Two files claiming one id would be published at the same address.

    `others` maps the display path of files not being checked to the id each claims, so a
    new file is still checked against the whole collection."""
    holders: dict[str, list[str]] = {}
    checked = {}
    for check in checks:
        if check.case_id is not None:
            holders.setdefault(check.case_id, []).append(check.display)
            checked[check.display] = check
    for display, case_id in (others or {}).items():
        if display not in checked:
            holders.setdefault(case_id, []).append(display)
    found = []
    for case_id, files in holders.items():
        if len(files) < 2:
            continue
        for display in files:
            if display not in checked:
                continue
            others_text = ", ".join(f for f in files if f != display)
            found.append(
                Problem(
                    display,
                    f"id '{case_id}' is also used by {others_text}",
                    checked[display].id_line,
                    None,
                    field_path(["id"]),
                    "give each case study its own id, equal to its file name",
                )
            )
    return found


def originator_problems(checks: Iterable[FileCheck]) -> list[Problem]:
    """A model is developed in one place: two files that each say they originated it cannot
    both be right. (Checked among the files being checked: the whole collection, for the
    site and for `practice validate` with no files named.)"""
    claims: dict[str, list[FileCheck]] = {}
    for check in checks:
        if check.originates is not None:
            claims.setdefault(check.originates, []).append(check)
    found = []
    for model, holders in claims.items():
        if len(holders) < 2:
            continue
        for check in holders:
            others = ", ".join(other.display for other in holders if other is not check)
            found.append(
                Problem(
                    check.display,
                    f"model '{model}' is also said to have been developed by {others}",
                    check.role_line,
                    None,
                    field_path(["model", "role"]),
                    "only the area that developed a model says role: originated; the others say adopted",
                )
            )
    return found
