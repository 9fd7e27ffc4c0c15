"""Check parsed case-study data against the JSON Schema.

Two validators over one schema: jsonschema-rs answers "valid?" fast (about 100x faster
than the pure-Python library), and only for files that fail does Python's jsonschema
collect every error for plain-English messages. Both check `format: date` and nothing
else of `format`, so they agree; tests/test_validation_corpus.py checks they do.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema_rs
from jsonschema import Draft7Validator, FormatChecker

from generator.positions import PositionFinder
from generator.problems import Problem
from generator.schema_messages import messages_for


class SchemaValidator:
    def __init__(self, schema: dict[str, Any]):
        Draft7Validator.check_schema(schema)
        self.schema = schema
        self._fast = jsonschema_rs.Draft7Validator(schema, validate_formats=True)
        self._detailed = Draft7Validator(schema, format_checker=FormatChecker(["date"]))

    @classmethod
    def from_file(cls, path: Path) -> SchemaValidator:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def is_valid(self, data: Any) -> bool:
        return self._fast.is_valid(data)

    def problems(
        self,
        data: Any,
        display: str,
        positions: PositionFinder,
        skip_fields: frozenset[str] = frozenset(),
    ) -> list[Problem]:
        """Every schema problem in one parsed file, located in its text: one per field."""
        if self.is_valid(data):
            return []
        by_field: dict[str, Problem] = {}
        for error in self._detailed.iter_errors(data):
            for message in messages_for(error):
                if message.field in by_field or message.field in skip_fields:
                    continue  # e.g. a date failing both pattern and format: say it once
                line, column = positions.locate(message.path, key=message.at_key)
                by_field[message.field] = Problem(display, message.message, line, column, message.field, message.hint)
        return sorted(by_field.values(), key=Problem.sort_key)
