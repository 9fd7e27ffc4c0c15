"""Strict, safe YAML for case studies contributed by outsiders.

Built on libyaml's parser (about 10x faster than the pure-Python one), whose events are
turned into data in one pass (from_events.py), and stricter than PyYAML's defaults:

* duplicate keys are an error (PyYAML silently keeps the last one: data lost);
* anchors, aliases and merge keys are an error (they make a "billion laughs" file that
  exhausts memory, and case studies never need them);
* dates stay strings ("2010-03-18", not datetime.date), so the JSON Schema checks them
  the same way whether or not the editor quoted them;
* only what JSON can hold: keys are text; no tags beyond text, numbers, true/false, null,
  lists and mappings (`!!binary`, `!!set`, `!!timestamp` are refused); numbers are written
  as plain decimals, so YAML 1.1's readings of `1:20` (80), `010` (8), `0x1F`, `1_000`,
  `.nan`, `.inf` and `1e-400` (0) are refused instead of silently changing the figure;
* nesting is bounded, and characters on which YAML readers disagree (a byte-order mark
  after the first character, NEL, U+2028, U+2029) are refused wherever they stand
  (yaml_refusals.py). Every refusal is decided from libyaml's own events, not from the text.
"""

from __future__ import annotations

from typing import Any, ClassVar

import yaml

from generator.load.from_events import build
from generator.load.json_numbers import JSON_FLOAT, JSON_INT, json_number
from generator.load.yaml_problem import YamlProblem
from generator.load.yaml_refusals import STR_TAG, line_and_column, refuse_odd_characters, tag_mismatch, tag_problem
from generator.problems import escape_invisible

TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"
JSON_TAGS = {STR_TAG, INT_TAG, FLOAT_TAG} | {f"tag:yaml.org,2002:{name}" for name in ("bool", "null")}

_RESOLVED: dict[tuple[type, Any], dict[str | None, str]] = {}
MAX_REMEMBERED = 50_000  # per kind of node; short values only (field names, vocabulary, dates)


class StrictLoader(yaml.CSafeLoader):
    """libyaml's parser with PyYAML's resolver and safe constructors for scalars, keeping dates as
    text and numbers as JSON writes them. from_events.build turns its events into data."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, Any]]]] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != TIMESTAMP_TAG]
        for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
    }

    def resolve(self, kind: type, value: str | None, implicit: Any) -> str:
        """PyYAML's resolver, remembered: which tag a plain value gets depends only on the value
        (no path resolvers are set), and field names and vocabulary repeat in every file, so a
        look-up replaces a Python call and a handful of regular expressions (10% of a parse)."""
        known = _RESOLVED.setdefault((kind, implicit), {})  # value -> tag: strings, which the GC never visits
        tag = known.get(value)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(known) < MAX_REMEMBERED and (value is None or len(value) <= 64):
                known[value] = tag
        return tag

    def construct_undefined(self, node: yaml.Node) -> Any:
        raise tag_problem(node.tag, node.start_mark)  # e.g. a bare << or = as a value (1.1's merge and value)

    def construct_yaml_bool(self, node: yaml.Node) -> bool:
        value = self.construct_scalar(node)
        if not isinstance(value, str) or value.lower() not in self.bool_values:  # "!!bool maybe"
            raise _mismatch(node, "true or false")
        return self.bool_values[value.lower()]

    def construct_yaml_int(self, node: yaml.Node) -> int:
        return int(json_number(node, JSON_INT, "a whole number"))

    def construct_yaml_float(self, node: yaml.Node) -> float:
        # Plain decimals of at most 15 digits (json_number): never infinite, never e-notation.
        return float(json_number(node, JSON_FLOAT, "a number"))


# Only JSON's kinds of scalar (from_events.build makes the lists and mappings): any other tag
# goes to construct_undefined.
StrictLoader.yaml_constructors = {
    tag: constructor for tag, constructor in yaml.CSafeLoader.yaml_constructors.items() if tag in JSON_TAGS
}
StrictLoader.yaml_constructors["tag:yaml.org,2002:bool"] = StrictLoader.construct_yaml_bool
StrictLoader.yaml_constructors[INT_TAG] = StrictLoader.construct_yaml_int
StrictLoader.yaml_constructors[FLOAT_TAG] = StrictLoader.construct_yaml_float
StrictLoader.yaml_constructors[None] = StrictLoader.construct_undefined


def _mismatch(node: yaml.Node, kind: str) -> YamlProblem:
    return tag_mismatch(node.tag, node.start_mark, kind)


def load_yaml(text: str, key_lines: dict[str, int] | None = None) -> Any:
    """Parse one YAML document strictly. Raises YamlProblem on any problem. `key_lines`, if
    given, receives the line of each top-level key (from_events.build)."""
    try:
        refuse_odd_characters(text)
        loader = StrictLoader(text)
        try:
            return build(loader, key_lines)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = error.problem or str(error)
        if error.context:
            message = f"{message} ({error.context})"
        raise YamlProblem(
            f"YAML syntax error: {message}",
            mark.line if mark else None,
            mark.column if mark else None,
            _syntax_hint(message, text, mark.line if mark else None),
        ) from None
    except yaml.reader.ReaderError as error:  # a character YAML does not allow in a file at all
        # libyaml reports a byte offset into the UTF-8 text.
        before = text.encode("utf-8")[: error.position].decode("utf-8", errors="ignore")
        shown = escape_invisible(chr(error.character)) if isinstance(error.character, int) else "a character"
        raise YamlProblem(
            f"the character {shown} is not allowed in a YAML file",
            *line_and_column(before, len(before)),
            "delete it: retype the text around it, or paste it as plain text",
        ) from None
    except yaml.YAMLError as error:
        raise YamlProblem(f"YAML error: {escape_invisible(' '.join(str(error).split()))}", None, None) from None
    except (ValueError, TypeError, AttributeError, KeyError, RecursionError) as error:
        # A safety net: PyYAML's constructors fail like this on values their tag does not fit.
        # Each case found (e.g. "!!bool maybe", "!!map x") has its own message above.
        raise YamlProblem(
            f"YAML error: a value cannot be read as written ({type(error).__name__})",
            None,
            None,
            "look for a tag (a word starting with '!') or an unusual value, and write it as plain text",
        ) from None


def _syntax_hint(message: str, text: str, line: int | None) -> str:
    lines = text.splitlines()
    if line is not None and line < len(lines) and "\t" in lines[line][: len(lines[line]) - len(lines[line].lstrip())]:
        return "indent with spaces, never tabs"
    opened = _unclosed_quote_line(lines[: (line or 0) + 1])
    if opened is not None and opened != line:
        return f"the quotation mark on line {opened + 1} may not be closed: close it, or remove it"
    if "quoted scalar" in message:
        return "close the quotation mark, or remove it"
    if "mapping values are not allowed" in message:
        return "put text containing ': ' in quotes, or check the indentation of this line"
    if "expected <block end>" in message or "did not find expected" in message:
        return "check that this line is indented like its neighbours"
    return "check the line shown and the one above it"


def _unclosed_quote_line(lines: list[str]) -> int | None:
    """The first line whose value opens a quotation mark and leaves it open (0-based)."""
    for number, text in enumerate(lines):
        _, colon, value = text.partition(": ")
        value = (value if colon else text.lstrip("- ")).strip()
        for quote in ('"', "'"):
            if value.startswith(quote) and (len(value) == 1 or not value.rstrip().endswith(quote)):
                return number
    return None
