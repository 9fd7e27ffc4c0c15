"""What the strict YAML loader refuses, and the located problem it gives for each.

Everything here is decided from libyaml's own view of the document, never from a scan of the
text beside it. Earlier scans disagreed with libyaml (it skips a byte-order mark at the start
of any line, so "\\ufeff- - - ..." hid 50,000 levels of nesting and a "billion laughs" from
them). Two kinds of refusal:

* characters on which YAML readers disagree, refused wherever they stand before libyaml reads
  anything (`refuse_odd_characters`): U+FEFF after the first character (libyaml skips it at
  the start of a line and keeps it elsewhere), and NEL, U+2028 and U+2029 (libyaml breaks
  lines at them; YAML 1.2 tools, editors and GitHub's diff do not);
* anchors, aliases, tags that are not JSON's kinds of value, nesting deeper than MAX_DEPTH,
  keys that are not text, merge keys and duplicate keys, refused by the one pass over
  libyaml's events that builds the data (from_events.py), at the first one met.
"""

from __future__ import annotations

import re

import yaml

from generator.load.yaml_problem import YamlProblem
from generator.problems import escape_invisible

# A case study needs 4 levels. The bound keeps any later recursion over the data (Python's own,
# or libyaml's composer when positions are looked up) far from the end of the stack.
MAX_DEPTH = 64
BOM = "\ufeff"
YAML_TAG = "tag:yaml.org,2002:"
STR_TAG = YAML_TAG + "str"
MERGE_TAG = YAML_TAG + "merge"
# Tags of JSON's kinds of value (and "!", the non-specific tag, which makes a plain string).
ALLOWED_TAGS = frozenset({"!"} | {YAML_TAG + name for name in ("str", "int", "float", "bool", "null", "seq", "map")})
TAG_HINT = "remove the tag (the word starting with '!') and write the value as plain text"

_ODD_CHARACTERS = {
    BOM: "a byte-order mark (U+FEFF) may only be the file's first character",
    "\x85": "the line break NEL (U+0085) is not allowed",
    "\u2028": "the line separator U+2028 is not allowed",
    "\u2029": "the paragraph separator U+2029 is not allowed",
}
_LINE_BREAK = re.compile("\r\n|\r|\n")


def refuse_odd_characters(text: str) -> None:
    start = 1 if text.startswith(BOM) else 0
    found = [(at, character) for character in _ODD_CHARACTERS if (at := text.find(character, start)) != -1]
    if not found:
        return
    at, character = min(found)
    line, column = line_and_column(text, at)
    raise YamlProblem(
        _ODD_CHARACTERS[character],
        line,
        column,
        "delete it: editors and YAML tools read the file differently around it; retype the text there",
    )


def line_and_column(text: str, at: int) -> tuple[int, int]:
    """0-based line and column of `at`, counting lines as libyaml does once the odd breaks are gone."""
    line, line_start = 0, 0
    for found in _LINE_BREAK.finditer(text, 0, at):
        line, line_start = line + 1, found.end()
    return line, at - line_start


def anchor_problem(mark: yaml.Mark, found: str) -> YamlProblem:
    shown = escape_invisible(found if len(found) <= 41 else found[:40] + "…")
    return YamlProblem(
        f"anchors and aliases are not allowed (found {shown})",
        mark.line,
        mark.column,
        "write the value out in full where it is needed",
    )


def depth_problem(mark: yaml.Mark) -> YamlProblem:
    return YamlProblem(
        f"lists and fields are nested more than {MAX_DEPTH} levels deep",
        mark.line,
        mark.column,
        "a case study needs only a few levels; check for stray '[', '{' or '-'",
    )


def short_tag(tag: str) -> str:
    short = "!!" + tag.removeprefix(YAML_TAG) if tag.startswith(YAML_TAG) else tag
    return escape_invisible(short if len(short) <= 61 else short[:60] + "…")


def tag_problem(tag: str, mark: yaml.Mark) -> YamlProblem:
    return YamlProblem(
        f"the tag {short_tag(tag)} is not allowed: a case study holds only text, numbers, true/false, lists and fields",
        mark.line,
        mark.column,
        TAG_HINT,
    )


def tag_mismatch(tag: str, mark: yaml.Mark, kind: str) -> YamlProblem:
    return YamlProblem(
        f"the tag {short_tag(tag)} asks for {kind}, which this value is not", mark.line, mark.column, TAG_HINT
    )


def key_problem(tag: str | None, key: str | None, mark: yaml.Mark, first_line: int | None) -> YamlProblem:
    """A mapping's key that is a list or mapping (tag None), a merge key, not text, or a
    duplicate of the key first given on `first_line` (0-based)."""
    if tag is None:
        message, hint = "a key must be plain text, not a list or mapping", "check for a stray '?', '[' or '{'"
        hint += " at the start of the line"
    elif tag == MERGE_TAG:
        message, hint = "merge keys (<<) are not allowed", "write the merged fields out in full"
    elif tag != STR_TAG:
        message = f"the key '{escape_invisible((key or '')[:40])}' is not text: YAML reads it as {_reading(tag)}"
        hint = "field names are words such as title or sources; put a key that must stay as written in quotes"
    else:
        shown = escape_invisible(key if key is not None and len(key) <= 61 else (key or "")[:60] + "…")
        message = f"duplicate key '{shown}' (first given on line {(first_line or 0) + 1})"
        hint = f"keep one '{shown}'; YAML would otherwise silently drop the first value"
    return YamlProblem(message, mark.line, mark.column, hint)


def _reading(tag: str) -> str:
    kind = tag.removeprefix(YAML_TAG)
    return {"int": "a number", "float": "a number", "bool": "true or false", "null": "nothing (null)"}.get(
        kind, f"a {short_tag(tag)} value"
    )
