"""Turn jsonschema's errors into plain-English problems an editor can act on."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

from generator.config.schema_sync import VISIBLE
from generator.problems import escape_invisible, field_path

SCHEMA_TYPE_NAMES = {
    "string": "text",
    "array": "a list",
    "object": "a set of fields (name: value)",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "null": "nothing",
}


SHOWN_LENGTH = 60
MAX_UNKNOWN_SHOWN = 10  # a file of 30,000 unknown keys once printed 8 MB


def shown(value: object, limit: int = SHOWN_LENGTH) -> str:
    """A value as a message quotes it: invisible and control characters written as escapes
    (so nothing reaches a terminal or a report raw), and at most `limit` characters."""
    text = str(value)
    cut = text[:limit] + ("…" if len(text) > limit else "")
    return escape_invisible(cut)


def first_forbidden(text: str, pattern: str) -> tuple[int, str] | None:
    """The 1-based position and the escaped form of the first character a text may not hold:
    the first match of the schema's own character rule (a character class), so the message
    and the rule cannot drift."""
    found = _compiled(pattern).search(text)
    return (found.start() + 1, escape_invisible(found.group())) if found else None


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def describe_value(value: Any) -> str:
    if value is None:
        return "nothing (the value is empty)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (YAML reads yes/no/on/off as true/false; put the text in quotes)"
    if isinstance(value, (int, float)):
        return f"the number {shown(value)}"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    return type(value).__name__


def did_you_mean(word: str, choices: list[str]) -> str | None:
    matches = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return matches[0] if matches else None


def allowed_list(choices: list[str]) -> str:
    return ", ".join(choices)


class Message:
    """One problem found by the schema: where, what and how to fix it."""

    def __init__(self, path: list[str | int], message: str, hint: str = "", at_key: bool = False):
        self.path = path
        self.message = message
        self.hint = hint
        self.at_key = at_key  # point at the field's name rather than its value

    @property
    def field(self) -> str:
        return field_path(self.path)


def messages_for(error: ValidationError) -> Iterator[Message]:
    """Plain-English messages for one jsonschema error (one per unknown or missing field)."""
    path = list(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    described = schema.get("description", "")
    kind = error.validator
    value = error.instance

    if kind == "additionalProperties" and isinstance(value, dict):
        allowed = list(schema.get("properties", {}))
        unknown = [k for k in value if k not in allowed]
        if len(unknown) > MAX_UNKNOWN_SHOWN:
            yield Message(
                path,
                f"has {len(unknown)} unknown fields; the first {MAX_UNKNOWN_SHOWN} are listed",
                f"allowed fields here: {allowed_list(allowed)}",
            )
        for key in sorted(unknown[:MAX_UNKNOWN_SHOWN]):
            guess = did_you_mean(str(key)[:SHOWN_LENGTH], allowed)
            hint = f"did you mean '{guess}'?" if guess else f"allowed fields here: {allowed_list(allowed)}"
            yield Message([*path, key], f"unknown field '{shown(key)}'", hint, at_key=True)
    elif kind == "required" and isinstance(value, dict):
        for name in error.validator_value:
            if name not in value:
                field_schema = schema.get("properties", {}).get(name, {})
                yield Message(
                    [*path, name],
                    f"missing required field '{name}'",
                    f"add '{name}:'. {field_schema.get('description', '')}".strip(),
                    at_key=True,
                )
    elif kind == "dependencies" and isinstance(value, dict):
        for trigger, needs in error.validator_value.items():
            for name in needs if trigger in value and isinstance(needs, list) else []:
                if name not in value:
                    described = schema.get("properties", {}).get(name, {}).get("description", "")
                    yield Message(
                        [*path, name],
                        f"missing required field '{name}'",
                        f"add '{name}:' (needed because '{trigger}' is given). {described}".strip(),
                        at_key=True,
                    )
    elif kind == "enum":
        choices = [str(c) for c in error.validator_value]
        guess = did_you_mean(str(value), choices)
        hint = f"did you mean '{guess}'? " if guess else ""
        yield Message(
            path, f"'{shown(value)}' is not an allowed value", f"{hint}allowed values: {allowed_list(choices)}"
        )
    elif kind == "type":
        expected = error.validator_value
        names = [SCHEMA_TYPE_NAMES.get(t, t) for t in (expected if isinstance(expected, list) else [expected])]
        yield Message(path, f"expected {' or '.join(names)}, found {describe_value(value)}", described)
    elif kind in ("minLength", "maxLength"):
        limit = error.validator_value
        length = len(value) if isinstance(value, str) else 0
        if kind == "minLength" and length == 0:
            yield Message(path, "is empty", described)
        else:
            bound = "at least" if kind == "minLength" else "at most"
            yield Message(path, f"is {length} characters long; it must be {bound} {limit}", described)
    elif kind in ("minItems", "maxItems"):
        bound = "at least" if kind == "minItems" else "at most"
        count = error.validator_value
        yield Message(path, f"must list {bound} {count} item{'s' if count != 1 else ''}", described)
    elif kind == "minProperties":
        yield Message(path, f"must name at least {error.validator_value} entry", described)
    elif kind == "uniqueItems":
        yield Message(path, "lists the same value more than once", "remove the repeated entry")
    elif kind == "not" and isinstance(value, str) and "pattern" in error.validator_value:
        found = first_forbidden(value, error.validator_value["pattern"])
        where = f"{found[1]} at character {found[0]}" if found else "an invisible control character"
        yield Message(
            path,
            f"contains a control character ({where})",
            "delete it: retype the text around it, or paste it as plain text",
        )
    elif kind == "not":
        yield Message(path, f"'{shown(value)}' is reserved", "choose another value")
    elif kind == "pattern" and error.validator_value == VISIBLE:
        yield Message(path, "has no visible text (only spaces, line breaks or invisible characters)", described)
    elif kind == "pattern" or kind == "format":
        yield Message(path, _pattern_message(path, value, kind), described)
    elif kind in ("minimum", "maximum"):
        bound = "at least" if kind == "minimum" else "at most"
        yield Message(path, f"{shown(value)} is out of range: it must be {bound} {error.validator_value:,}", described)
    elif kind in ("exclusiveMinimum", "exclusiveMaximum"):
        bound = "more than" if kind == "exclusiveMinimum" else "less than"
        yield Message(path, f"{shown(value)} is out of range: it must be {bound} {error.validator_value:,}", described)
    elif kind == "oneOf":
        yield Message(path, _one_of_message(schema, value), described)
    elif kind == "const":
        yield Message(path, f"must be '{error.validator_value}'", described)
    else:  # a keyword this module has no wording for: jsonschema's own message
        yield Message(path, error.message, described)


def _pattern_message(path: list[str | int], value: Any, kind: str) -> str:
    name = next((p for p in reversed(path) if isinstance(p, str)), "")
    value = shown(value)
    if name == "url":
        return f"'{value}' is not a web address starting http:// or https://"
    if name == "id":
        return f"'{value}' is not a valid id: use lowercase letters, digits and single hyphens"
    if name in ("published", "last_reviewed", "rated_on"):
        if kind == "format":
            return f"'{value}' is not a real date"
        return f"'{value}' is not a date written YYYY-MM-DD, from 1970 on"
    if name == "date":
        return f"'{value}' is not a date written YYYY-MM-DD, YYYY-MM or YYYY, from 1900 on"
    if name == "email":
        return f"'{value}' is not an email address"
    if name == "currency":
        return f"'{value}' is not a three-letter currency code such as GBP"
    return f"'{value}' is not in the expected form"


def _one_of_message(schema: dict[str, Any], value: Any) -> str:
    options = schema.get("oneOf", [])
    required_sets = [o.get("required") for o in options if "required" in o]
    if required_sets and isinstance(value, dict):
        names = [r[0] for r in required_sets]
        present = [n for n in names if n in value]
        either = " or ".join(f"'{n}'" for n in names)
        if present:
            return f"give one of {either}, not both"
        return f"give one of {either}"
    quoted = f"'{shown(value)}'" if isinstance(value, str) else describe_value(value)
    return f"{quoted} is not allowed here"
