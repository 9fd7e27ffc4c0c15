"""Check parsed case-study data against the JSON Schema.

One verdict, from jsonschema-rs (about 100x faster than the pure-Python library, and reading
patterns as ECMAScript does, like Ajv in the form and in readers' tools); Python's jsonschema
then collects every error of a refused file for plain-English messages. A file jsonschema-rs
refuses is refused even where Python's jsonschema finds nothing to say (a generic problem
says so): never "valid if either accepts".

Why not also run Python's jsonschema on every file: it takes 1.8-2.7 ms a case study, seven
times libyaml's parse (measured with the shipped collection). Instead the schema is written so
that the validators cannot differ: both check `format: date` and nothing else of `format`, and
every pattern uses explicit character classes, never \\s, \\d, \\w or ".", whose meaning
differs between Python's re and ECMAScript (U+FEFF in a web address once passed one and not
the other). tests/unit/config/test_schema_patterns.py checks each pattern in all three
engines on Hypothesis-made text, and tests/unit/check/test_validation_corpus.py the verdicts.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.check.positions import PositionFinder
from generator.check.schema_messages import messages_for
from generator.check.unique_items import unique_items
from generator.config.rating_schema import without_rating_conditions
from generator.config.settings_file import shown_path
from generator.problems import Problem, SetupError

# Which schema keyword's message to show when one field breaks several.
KEYWORD_RANK = {
    keyword: rank
    for rank, keyword in enumerate(
        ["additionalProperties", "required", "type", "not", "enum", "const", "oneOf", "pattern", "format"]
    )
}


MAX_SCHEMA_ERRORS = 100
UNEXPLAINED_HINT = (
    "the schema's fast check refuses this file but cannot say where; look for an unusual character "
    "in a web or email address, and report it as a site problem so the message can be improved"
)


class SchemaFileError(SetupError):
    """The case-study schema is missing, not JSON, or not a valid schema."""


class SchemaValidator:
    def __init__(self, schema: dict[str, Any]):
        # Imported here: a re-check served wholly from the cache never needs them.
        import jsonschema_rs
        from jsonschema import Draft7Validator, FormatChecker, validators

        Draft7Validator.check_schema(schema)
        self.schema = schema
        schema = without_rating_conditions(schema)  # the rating rule says it exactly (rating_schema.py)
        self._fast = jsonschema_rs.Draft7Validator(schema, validate_formats=True)
        detailed = validators.extend(Draft7Validator, {"uniqueItems": unique_items})  # linear, not pairwise
        self._detailed = detailed(schema, format_checker=FormatChecker(["date"]))

    @classmethod
    def from_file(cls, path: Path, schema: dict[str, Any] | None = None) -> SchemaValidator:
        """The validator for the schema at `path` (already parsed, if `schema` is given); raises
        SchemaFileError, naming the file and line, if the schema cannot be used."""
        from jsonschema.exceptions import SchemaError

        schema = schema if schema is not None else read_schema(path)
        try:
            return cls(schema)
        except (SchemaError, ValueError, TypeError, RecursionError) as error:
            message = getattr(error, "message", str(error))
            raise SchemaFileError(f"{shown_path(path)}: not a usable JSON Schema ({message[:200]})") from None

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
        # One problem per field, the most telling one: "not a date written YYYY-MM-DD" says
        # more than "too long" about "1 November 2026".
        best: dict[str, tuple[int, Problem]] = {}
        explained = False
        for count, error in enumerate(self._detailed.iter_errors(data)):
            explained = True
            if count == MAX_SCHEMA_ERRORS:  # the rest would bury these, and cost time for nothing
                best["…"] = (0, Problem(display, f"more than {MAX_SCHEMA_ERRORS} problems; fix these first", 1, 1))
                break
            rank = KEYWORD_RANK.get(str(error.validator), len(KEYWORD_RANK))
            for message in messages_for(error):
                if message.field in skip_fields or (message.field in best and best[message.field][0] <= rank):
                    continue
                line, column = positions.locate(message.path, key=message.at_key)
                problem = Problem(display, message.message, line, column, message.field, message.hint)
                best[message.field] = (rank, problem)
        if not explained:  # refused, though Python's jsonschema finds nothing to say: still refused
            best[""] = (0, Problem(display, "does not match the case-study schema", 1, 1, "", UNEXPLAINED_HINT))
        return sorted((problem for _, problem in best.values()), key=Problem.sort_key)


def read_schema(path: Path) -> dict[str, Any]:
    """The schema file's JSON; raises SchemaFileError naming the file and line."""
    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise SchemaFileError(f"{shown_path(path)}: cannot be read ({error}); restore it from the repository") from None
    except RecursionError:
        raise SchemaFileError(f"{shown_path(path)}: nested too deeply to be a JSON Schema; restore it") from None
    except json.JSONDecodeError as error:
        raise SchemaFileError(
            f"{shown_path(path)} line {error.lineno}: not valid JSON ({error.msg}); restore it from the repository"
        ) from None
    if not isinstance(schema, dict):
        raise SchemaFileError(f"{shown_path(path)}: holds no JSON Schema (expected an object); restore it")
    return schema
