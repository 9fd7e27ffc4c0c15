"""Check case-study data against the JSON Schema and the rules the schema cannot express."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from jsonschema import Draft7Validator, FormatChecker

from generator.positions import PositionFinder
from generator.problems import Problem, field_path
from generator.reading import ReadResult
from generator.schema_messages import messages_for


class SchemaValidator:
    def __init__(self, schema: dict[str, Any]):
        Draft7Validator.check_schema(schema)
        self.schema = schema
        self._validator = Draft7Validator(schema, format_checker=FormatChecker(["date"]))

    @classmethod
    def from_file(cls, path: Path) -> SchemaValidator:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def problems(self, read: ReadResult) -> list[Problem]:
        """Every schema problem in one parsed file, located in its text: one per field."""
        by_field: dict[str, Problem] = {}
        positions = PositionFinder(read.text)
        for error in self._validator.iter_errors(read.data):
            for message in messages_for(error):
                if message.field in by_field:  # e.g. a date failing both pattern and format
                    continue
                line, column = positions.locate(message.path, key=message.at_key)
                by_field[message.field] = Problem(
                    read.display, message.message, line, column, message.field, message.hint
                )
        return sorted(by_field.values(), key=Problem.sort_key)


def rule_problems(read: ReadResult, today: date) -> list[Problem]:
    """Rules beyond the schema for one schema-valid file: id matches file name, dates in order."""
    data = read.data
    found: list[Problem] = []
    positions = PositionFinder(read.text)

    def add(path: list[str | int], message: str, hint: str) -> None:
        line, column = positions.locate(path)
        found.append(Problem(read.display, message, line, column, field_path(path), hint))

    expected_id = read.path.name.removesuffix(".yaml")
    if data["id"] != expected_id:
        add(
            ["id"],
            f"id '{data['id']}' does not match the file name '{read.path.name}'",
            f"set id: {expected_id}, or rename the file to {data['id']}.yaml",
        )
    period = data["period"]
    if isinstance(period["end"], int) and period["end"] < period["start"]:
        add(
            ["period", "end"],
            f"period ends ({period['end']}) before it starts ({period['start']})",
            "swap the years, or correct the one that is wrong",
        )
    published = date.fromisoformat(data["published"])
    reviewed = date.fromisoformat(data["last_reviewed"])
    if reviewed < published:
        add(
            ["last_reviewed"],
            f"last_reviewed ({reviewed}) is before published ({published})",
            "a case study cannot be reviewed before it is published; correct one of the dates",
        )
    for index, source in enumerate(data["sources"]):
        try:
            parts = [int(part) for part in source["date"].split("-")]
            date(*parts, *[1] * (3 - len(parts)))
        except ValueError:
            add(
                ["sources", index, "date"],
                f"'{source['date']}' is not a real date",
                "write YYYY-MM-DD, YYYY-MM or YYYY with a real month and day",
            )
    for name, value in (("published", published), ("last_reviewed", reviewed)):
        if value > today:
            add([name], f"{name} ({value}) is in the future", f"use a date on or before {today}")
    return found


def duplicate_id_problems(reads: Iterable[ReadResult]) -> list[Problem]:
    """Two files claiming the same id would be published at the same address."""
    by_id: dict[str, list[ReadResult]] = {}
    for read in reads:
        if isinstance(read.data, dict) and isinstance(read.data.get("id"), str):
            by_id.setdefault(read.data["id"], []).append(read)
    found = []
    for case_id, holders in by_id.items():
        if len(holders) < 2:
            continue
        names = ", ".join(h.display for h in holders)
        for holder in holders:
            line, column = PositionFinder(holder.text).locate(["id"])
            found.append(
                Problem(
                    holder.display,
                    f"id '{case_id}' is used by more than one file: {names}",
                    line,
                    column,
                    "id",
                    "give each case study its own id, equal to its file name",
                )
            )
    return found
