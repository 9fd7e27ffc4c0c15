"""Checks on a document's text before libyaml builds its node tree: cheap scans that let
almost every file skip the slower exact checks, which run only where the scan cannot rule a
problem out.
"""

from __future__ import annotations

import functools
import re

import yaml

from generator.load.yaml_problem import YamlProblem

# A case study needs 4 levels. The bound keeps libyaml's recursive composer (and Python's own
# recursion further on) far from the end of the stack, and lies above what the quick scan
# below can rule out for an ordinary file, so that the exact count runs only for odd ones.
MAX_DEPTH = 64

# An anchor (&name) can only follow a line start, white space, [, {, a comma, or (in flow
# style, '{"a":&x 1}') a colon; "A&E" and "fish & chips" cannot hold one. Only text this
# matches is parsed for anchors.
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,:])&[^\s]", re.MULTILINE)

# An alias (*name) can only start a value: after a line break and indentation, after "-",
# "?" or ":", or after [, { or a comma, with optional spaces or tabs between. Mid-line
# Markdown emphasis ("the **Child Friendly City**") cannot be one. Text in which no "*"
# stands in such a place holds no alias, so it is built without StrictLoader's check on
# every node (15% of the parse). libyaml's line breaks include CR, NEL and U+2028/9.
_ALIAS_MAY_FOLLOW = frozenset("\n\r\x85\u2028\u2029[{,:?-")


def may_hold_alias(text: str) -> bool:
    at = text.find("*")
    while at != -1:
        before = at - 1
        while before >= 0 and text[before] in " \t":
            before -= 1
        if before < 0 or text[before] in _ALIAS_MAY_FOLLOW:
            return True
        at = text.find("*", at + 1)
    return False


def reject_anchors(text: str) -> None:
    """An anchor with no alias is harmless, but is rejected for a clear, single rule."""
    if "&" not in text or not _MAYBE_ANCHOR.search(text):  # fast path: no anchor can be present
        return
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            mark = event.start_mark
            raise YamlProblem(
                f"anchors and aliases are not allowed (found anchor &{anchor})",
                mark.line,
                mark.column,
                "write the value out in full where it is needed",
            )


# A bound on how deep a document nests, from its text alone. Block collections nest only by
# starting further right, or (a list under a key) at the key's own column, and a collection
# starts within a line's leading run of spaces and indicators ("- - key:"); flow ones need
# a '[' or '{' each. So the depth is at most twice the longest leading run plus the brackets.
# libyaml breaks lines at CR, LF, NEL and U+2028/9. Text with only LF (nearly all) is scanned
# for a literal line feed, which the regex engine finds 6x faster than a class of breaks.
def _other_breaks(text: str) -> bool:
    return "\r" in text or "\x85" in text or "\u2028" in text or "\u2029" in text  # each a fast C scan


@functools.cache
def _leading_run(length: int, breaks: str) -> re.Pattern[str]:
    """A run of `length` after a line break (the first line is matched apart)."""
    return re.compile(rf"[{breaks}][ \t?:-]{{{length}}}")


@functools.cache
def _first_run(length: int) -> re.Pattern[str]:
    return re.compile(rf"[ \t?:-]{{{length}}}")


def _may_nest_deeper_than(text: str, depth: int) -> bool:
    brackets = text.count("[") + text.count("{")
    # depth <= 2 * (longest run + 2) + brackets, so only a run this long can exceed it.
    needed = (depth - brackets) // 2 - 1
    if needed <= 0:
        return True
    breaks = "\n\r\x85\u2028\u2029" if _other_breaks(text) else "\n"
    return _first_run(needed).match(text) is not None or _leading_run(needed, breaks).search(text) is not None


def reject_deep_nesting(text: str) -> None:
    """Count the depth from libyaml's events (its parser keeps an explicit stack), stopping at
    the first level too deep, before the recursive composer ever sees the document."""
    if not _may_nest_deeper_than(text, MAX_DEPTH):
        return
    depth = 0
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                raise YamlProblem(
                    f"lists and fields are nested more than {MAX_DEPTH} levels deep",
                    mark.line,
                    mark.column,
                    "a case study needs only a few levels; check for stray '[', '{' or '-'",
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
