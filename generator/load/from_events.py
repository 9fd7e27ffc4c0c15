"""The data of one YAML document, built in one pass over libyaml's events, which guards as it goes.

Every decision is taken from libyaml's own view of the document (its events), never from a
scan of the text beside it: anchors, aliases, tags that are not JSON's kinds of value, nesting
deeper than MAX_DEPTH, keys that are not text, merge keys and duplicate keys are refused at
the first one met, with its line and column. libyaml's parser keeps an explicit stack and its
events stream, so no input can exhaust the C stack or expand an alias; the data is built here
with an explicit stack too. No node tree is built: positions for messages come from a second
parse of only the files that have a problem (check/positions.py), which is then safe because
this pass has accepted the document.

One pass instead of the composer, the constructor and a guard before both: validation costs
what libyaml's parse costs (benchmarks/validation.py).
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml._yaml import CParser

from generator.load.yaml_problem import YamlProblem
from generator.load.yaml_refusals import (
    ALLOWED_TAGS,
    MAX_DEPTH,
    STR_TAG,
    anchor_problem,
    depth_problem,
    key_problem,
    refuse_odd_characters,
    tag_mismatch,
    tag_problem,
)

SEQ_TAG = "tag:yaml.org,2002:seq"
MAP_TAG = "tag:yaml.org,2002:map"
_NATURAL = {yaml.SequenceStartEvent: SEQ_TAG, yaml.MappingStartEvent: MAP_TAG}
_KIND_ASKED = {SEQ_TAG: "a list", MAP_TAG: "a set of fields"}
_ASKED = {
    STR_TAG: "text",
    "tag:yaml.org,2002:int": "a whole number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true or false",
    "tag:yaml.org,2002:null": "nothing (null)",
}


class _Mapping:
    """A mapping being built: its dict, the key waiting for its value, and where each key stood."""

    __slots__ = ("data", "first_seen", "key", "key_event")

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}
        self.key: str | None = None
        self.key_event: yaml.Event | None = None
        self.first_seen: dict[str, yaml.Event] = {}


def build(loader: Any, key_lines: dict[str, int] | None = None) -> Any:
    """The document `loader` (a StrictLoader, for its resolver and constructors) reads; None if
    it holds no document. Raises YamlProblem, or yaml.MarkedYAMLError for a syntax error.
    `key_lines`, if given, receives the 1-based line of each key of the top-level mapping (the
    id's, for messages about another file claiming it), at no cost of a node tree."""
    get = loader.get_event
    get()  # the stream's start
    event = get()
    if type(event) is yaml.StreamEndEvent:
        return None
    stack: list[Any] = []  # open lists and _Mappings, innermost last
    result: Any = None
    done = False
    event = get()  # the first event after the document's start
    while not done:
        kind = type(event)
        if kind is yaml.ScalarEvent or kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
            if event.anchor is not None:
                raise anchor_problem(event.start_mark, f"anchor &{event.anchor}")
            tag = event.tag
            if tag is not None and tag not in ALLOWED_TAGS:
                raise tag_problem(tag, event.start_mark)
            parent = stack[-1] if stack else None
            awaiting_key = type(parent) is _Mapping and parent.key_event is None
            if kind is yaml.ScalarEvent:
                if awaiting_key:
                    _take_key(loader, parent, event)
                    if key_lines is not None and len(stack) == 1:
                        key_lines[event.value] = event.start_mark.line + 1
                    event = get()
                    continue
                value = _scalar(loader, event)
            else:
                if awaiting_key:
                    raise key_problem(None, None, event.start_mark, None)
                if tag is not None and tag != "!" and tag != _NATURAL[kind]:
                    raise tag_mismatch(tag, event.start_mark, _KIND_ASKED.get(tag, _ASKED.get(tag, "another kind")))
                if len(stack) >= MAX_DEPTH:
                    raise depth_problem(event.start_mark)
                stack.append([] if kind is yaml.SequenceStartEvent else _Mapping())
                event = get()
                continue
        elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
            finished = stack.pop()
            value = finished.data if type(finished) is _Mapping else finished
        elif kind is yaml.AliasEvent:
            raise anchor_problem(event.start_mark, f"alias *{event.anchor}")
        else:  # the document's end
            done = True
            event = get()
            continue
        if not stack:
            result = value
        elif type(stack[-1]) is list:
            stack[-1].append(value)
        else:
            mapping = stack[-1]
            mapping.data[mapping.key] = value
            mapping.key_event = None
        event = get()
    if type(event) is not yaml.StreamEndEvent:
        raise yaml.composer.ComposerError(
            "expected a single document in the stream", None, "but found another document", event.start_mark
        )
    return result


def _take_key(loader: Any, mapping: _Mapping, event: yaml.ScalarEvent) -> None:
    tag = _tag_of(loader, event)
    key = event.value
    if tag != STR_TAG or key in mapping.first_seen:
        first = mapping.first_seen.get(key)
        raise key_problem(tag, key, event.start_mark, first.start_mark.line if first is not None else None)
    mapping.first_seen[key] = event
    mapping.key, mapping.key_event = key, event


def _tag_of(loader: Any, event: yaml.ScalarEvent) -> str:
    """The scalar's tag: its own; text for "!", the non-specific tag (YAML 1.2, and the yaml
    package behind editors' schema checks, read `! '2012'` as text; libyaml would resolve it as
    plain, a number); or, with none, what PyYAML's resolver makes of a plain or quoted value."""
    if event.tag == "!":
        return STR_TAG
    return event.tag or loader.resolve(yaml.ScalarNode, event.value, event.implicit)


def _scalar(loader: Any, event: yaml.ScalarEvent) -> Any:
    tag = _tag_of(loader, event)
    if tag == STR_TAG:
        return event.value
    if tag in _KIND_ASKED:
        raise tag_mismatch(tag, event.start_mark, _KIND_ASKED[tag])
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    constructors = loader.yaml_constructors
    return constructors.get(tag, constructors[None])(loader, node)


def claimed_id(text: str) -> str | None:
    """The text of the top-level `id` a document claims, read from libyaml's events up to it and
    no further (a case study says it on its first lines): for cross-checking files that are not
    themselves being checked. None where the document says none, or cannot be read that far."""
    try:
        refuse_odd_characters(text)
        parser = CParser(text)
    except YamlProblem:
        return None
    try:
        return _id_from(parser)
    except (yaml.YAMLError, YamlProblem):
        return None
    finally:
        parser.dispose()


def _id_from(parser: Any) -> str | None:
    get = parser.get_event
    for _ in range(3):  # the stream's start, the document's, the top-level mapping's
        if type(event := get()) in (yaml.StreamEndEvent, yaml.DocumentEndEvent):
            return None
    if type(event) is not yaml.MappingStartEvent:
        return None
    while type(key := get()) is yaml.ScalarEvent:
        value = get()
        if key.value == "id" and key.tag is None:
            plain = type(value) is yaml.ScalarEvent and value.tag in (None, "!", STR_TAG)
            return value.value if plain else None
        depth = 1 if type(value) in (yaml.SequenceStartEvent, yaml.MappingStartEvent) else 0
        while depth:  # pass over a nested value, its events one at a time
            kind = type(get())
            depth += kind in (yaml.SequenceStartEvent, yaml.MappingStartEvent)
            depth -= kind in (yaml.SequenceEndEvent, yaml.MappingEndEvent)
    return None
