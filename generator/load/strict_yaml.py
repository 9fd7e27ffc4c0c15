"""Strict, safe YAML for case studies contributed by outsiders.

Built on libyaml (CSafeLoader: about 10x faster than the pure-Python loader) with the
safe constructor, and stricter than PyYAML's defaults in three ways:

* duplicate keys are an error (PyYAML silently keeps the last one: data lost);
* anchors, aliases and merge keys are an error (they make a "billion laughs" file that
  exhausts memory, and case studies never need them);
* dates stay strings ("2010-03-18", not datetime.date), so the JSON Schema checks them
  the same way whether or not the editor quoted them;
* only what JSON can hold: keys are text; no tags beyond text, numbers, true/false, null,
  lists and mappings (`!!binary`, `!!set`, `!!timestamp` are refused); numbers are written
  as JSON writes them, so YAML 1.1's readings of `1:20` (80), `010` (8), `0x1F`, `1_000`,
  `.nan` and `.inf` are refused instead of silently changing the figure;
* nesting is bounded before libyaml builds the tree (its composer recurses: ~30,000 nested
  `[` crash the process).
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

import yaml

from generator.load.before_parsing import may_hold_alias, reject_anchors, reject_deep_nesting
from generator.load.json_numbers import JSON_FLOAT, JSON_INT, json_number, number_problem
from generator.load.yaml_problem import YamlProblem
from generator.problems import escape_invisible

TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
MERGE_TAG = "tag:yaml.org,2002:merge"
STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"
JSON_TAGS = {STR_TAG, INT_TAG, FLOAT_TAG} | {
    f"tag:yaml.org,2002:{name}" for name in ("bool", "null", "seq", "map", "merge")
}


_STR_ONLY = {STR_TAG}
_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_RESOLVED: dict[tuple[type, Any], dict[str | None, str]] = {}
MAX_REMEMBERED = 50_000  # per kind of node; short values only (field names, vocabulary, dates)


class StrictLoader(yaml.CSafeLoader):
    """CSafeLoader that rejects duplicate keys, aliases and merge keys, and keeps dates as text."""

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

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # An alias is the same node object met a second time.
        if node in self.constructed_objects or node in self.recursive_objects:
            raise YamlProblem(
                "anchors and aliases (&name, *name) are not allowed",
                node.start_mark.line,
                node.start_mark.column,
                "write the value out in full where it is needed",
            )
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node: yaml.Node, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, yaml.MappingNode):  # "!!map" on a scalar or a list
            raise _tag_problem(node, "a set of fields")
        try:  # fast path: distinct text keys, none a merge key (a list or mapping key is unhashable)
            keys = {key_node.value for key_node, _ in node.value}
            clean = len(keys) == len(node.value) and "<<" not in keys
            clean = clean and {key_node.tag for key_node, _ in node.value} == _STR_ONLY
        except TypeError:
            clean = False
        if not clean:
            _check_keys(node)
        return super().construct_mapping(node, deep=deep)

    def construct_undefined(self, node: yaml.Node) -> Any:
        raise YamlProblem(
            f"the tag {_short_tag(node.tag)} is not allowed: a case study holds only text, numbers, "
            "true/false, lists and fields",
            node.start_mark.line,
            node.start_mark.column,
            "remove the tag (the word starting with '!') and write the value as plain text",
        )

    def construct_yaml_bool(self, node: yaml.Node) -> bool:
        value = self.construct_scalar(node)
        if not isinstance(value, str) or value.lower() not in self.bool_values:  # "!!bool maybe"
            raise _tag_problem(node, "true or false")
        return self.bool_values[value.lower()]

    def construct_yaml_int(self, node: yaml.Node) -> int:
        if not isinstance(node, yaml.ScalarNode):  # "!!int" on a list or mapping
            raise _tag_problem(node, "a whole number")
        return int(json_number(node, JSON_INT, "a whole number"))

    def construct_yaml_float(self, node: yaml.Node) -> float:
        if not isinstance(node, yaml.ScalarNode):
            raise _tag_problem(node, "a number")
        value = float(json_number(node, JSON_FLOAT, "a number"))
        if value != value or value in (float("inf"), float("-inf")):  # 1e400 reads as infinity
            raise number_problem(node, "is too large to be a number here")
        return value


# Only JSON's kinds of value: any other tag goes to construct_undefined.
StrictLoader.yaml_constructors = {
    tag: constructor for tag, constructor in yaml.CSafeLoader.yaml_constructors.items() if tag in JSON_TAGS
}
StrictLoader.yaml_constructors["tag:yaml.org,2002:bool"] = StrictLoader.construct_yaml_bool
StrictLoader.yaml_constructors[INT_TAG] = StrictLoader.construct_yaml_int
StrictLoader.yaml_constructors[FLOAT_TAG] = StrictLoader.construct_yaml_float
StrictLoader.yaml_constructors[None] = StrictLoader.construct_undefined


def _tag_problem(node: yaml.Node, kind: str) -> YamlProblem:
    return YamlProblem(
        f"the tag {_short_tag(node.tag)} asks for {kind}, which this value is not",
        node.start_mark.line,
        node.start_mark.column,
        "remove the tag (the word starting with '!') and write the value as plain text",
    )


def _short_tag(tag: str) -> str:
    short = "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag[:60]
    return escape_invisible(short)


def _key_reading(node: yaml.Node) -> str:
    kind = node.tag.removeprefix("tag:yaml.org,2002:")
    return {"int": "a number", "float": "a number", "bool": "true or false", "null": "nothing (null)"}.get(
        kind, f"a {_short_tag(node.tag)} value"
    )


def _check_keys(node: yaml.Node) -> None:
    """Raise for the first merge key, non-scalar key or duplicate key of a mapping."""
    first_seen: dict[tuple[str, str], yaml.Node] = {}
    for key_node, _value_node in node.value:
        mark = key_node.start_mark
        if key_node.tag == MERGE_TAG:
            raise YamlProblem(
                "merge keys (<<) are not allowed",
                mark.line,
                mark.column,
                "write the merged fields out in full",
            )
        if not isinstance(key_node, yaml.ScalarNode):
            raise YamlProblem(
                "a key must be plain text, not a list or mapping",
                mark.line,
                mark.column,
                "check for a stray '?', '[' or '{' at the start of the line",
            )
        if key_node.tag != STR_TAG:
            raise YamlProblem(
                f"the key '{escape_invisible(key_node.value[:40])}' is not text: "
                f"YAML reads it as {_key_reading(key_node)}",
                mark.line,
                mark.column,
                "field names are words such as title or sources; put a key that must stay as written in quotes",
            )
        key = (key_node.tag, key_node.value)
        if key in first_seen:
            first_line = first_seen[key].start_mark.line + 1
            raise YamlProblem(
                f"duplicate key {key_node.value!r} (first given on line {first_line})",
                mark.line,
                mark.column,
                f"keep one {key_node.value!r}; YAML would otherwise silently drop the first value",
            )
        first_seen[key] = key_node


class _NoAliasLoader(StrictLoader):
    """StrictLoader for text in which no alias can stand (see may_hold_alias)."""

    construct_object = yaml.CSafeLoader.construct_object


def load_yaml(text: str) -> Any:
    """Parse one YAML document strictly. Raises YamlProblem on any problem."""
    return load_yaml_with_nodes(text)[0]


def load_yaml_with_nodes(text: str) -> tuple[Any, yaml.Node | None]:
    """The data and the node tree it was built from (which knows every value's position),
    from one parse. Raises YamlProblem on any problem."""
    try:
        reject_deep_nesting(text)
        reject_anchors(text)
        loader = StrictLoader(text) if may_hold_alias(text) else _NoAliasLoader(text)
        try:
            node = loader.get_single_node()
            return (loader.construct_document(node) if node is not None else None), node
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
        # libyaml reports a byte offset into the UTF-8 text; lines end at any of YAML's breaks.
        before = text.encode("utf-8")[: error.position].decode("utf-8", errors="ignore")
        lines = _YAML_BREAK.split(before)
        shown = escape_invisible(chr(error.character)) if isinstance(error.character, int) else "a character"
        raise YamlProblem(
            f"the character {shown} is not allowed in a YAML file",
            len(lines) - 1,
            len(lines[-1]),
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
