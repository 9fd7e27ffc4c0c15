"""Every pattern in the published schema means the same in Python's re (jsonschema, the
validator's messages), jsonschema-rs (the validator's verdict) and Ajv (the proposal form and
readers' tools): written only with explicit character classes, and checked in all three on
Hypothesis-made text full of the characters the engines treat differently."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import timedelta
from typing import Any

import jsonschema_rs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import REPO

SCHEMA = json.loads((REPO / "schema" / "case-study.schema.json").read_text(encoding="utf-8"))


def patterns(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        if isinstance(node.get("pattern"), str):
            found.add(node["pattern"])
        for value in node.values():
            found |= patterns(value)
    elif isinstance(node, list):
        for value in node:
            found |= patterns(value)
    return found


PATTERNS = sorted(patterns(SCHEMA))


def engine_dependent_parts(pattern: str) -> list[str]:
    """Shorthand classes and '.' outside a bracket: the constructs whose meaning differs
    between Python's re and ECMAScript (\\s takes in U+FEFF in one and not the other; '.'
    stops at U+2028 in one)."""
    found, in_class, at = [], False, 0
    while at < len(pattern):
        character = pattern[at]
        if character == "\\":
            escaped = pattern[at + 1 : at + 2]
            if escaped in "sSdDwWbB":
                found.append("\\" + escaped)
            at += 2 if escaped != "u" else 6
            continue
        if character == "[":
            in_class = True
        elif character == "]":
            in_class = False
        elif character == "." and not in_class:
            found.append(".")
        at += 1
    return found


def test_the_schema_has_patterns_to_check():
    assert len(PATTERNS) >= 8


def test_no_pattern_uses_a_construct_the_engines_read_differently():
    assert {pattern: engine_dependent_parts(pattern) for pattern in PATTERNS if engine_dependent_parts(pattern)} == {}


def anchored_nodes(node: Any) -> list[dict]:
    found = []
    if isinstance(node, dict):
        if isinstance(node.get("pattern"), str) and node["pattern"].endswith("$"):
            found.append(node)
        for value in node.values():
            found += anchored_nodes(value)
    elif isinstance(node, list):
        for value in node:
            found += anchored_nodes(value)
    return found


def test_every_pattern_anchored_with_a_dollar_is_on_a_single_line_field():
    """Python's `$` also matches before a final line feed and ECMAScript's does not: so each
    such pattern stands beside the rule that refuses line feeds (lineCharacters), and the
    engines are compared below on text without a line feed for these patterns."""
    nodes = anchored_nodes(SCHEMA)
    assert nodes
    for node in nodes:
        assert {"$ref": "#/definitions/lineCharacters"} in node.get("allOf", []), node


def test_the_portability_check_finds_what_it_looks_for():
    assert engine_dependent_parts("^https?://[^\\s/?#]+$") == ["\\s"]
    assert engine_dependent_parts("^a.b[.]$") == ["."]
    assert engine_dependent_parts("[\\u0000-\\u001F]\\.") == []


# Characters Python's re and ECMAScript disagree on (whitespace, line terminators), the
# schema's forbidden and invisible ones, and ordinary URL and text characters.
TRICKY = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u180e\u2000\u200a\u200b\u200e\u2028\u2029\u202a\u202e\u202f"
    "\u205f\u2066\u2069\u3000\ufeff\ufffe\uffff\x00\x1f\x7f\x9f"
)
ORDINARY = "aZ09-._~:/?#[]@!$&'()*+,;=%\\\"<>{}|^`é日 "
CHARACTERS = st.sampled_from(TRICKY + ORDINARY) | st.characters(exclude_categories=("Cs",))
TEXT = st.text(CHARACTERS, max_size=12)
URLISH = st.builds(
    lambda scheme, host, rest: scheme + host + rest,
    st.sampled_from(["https://", "http://", "ftp://", ""]),
    st.sampled_from(["www.gov.uk", "a.b", "x", "www.gov.uk@example.com", "a..b", "ex-ample.org:8080", ""]),
    TEXT,
)
DATES = st.builds(lambda a, b: a + b, st.sampled_from(["1899", "1900", "1970", "2026", "9999", "0000", "20"]), TEXT)
EMAILS = st.builds(lambda a, b: a + "@" + b, TEXT, st.sampled_from(["example.org", "a.b.c", "x", ""]) | TEXT)


def python_verdict(pattern: str, text: str) -> bool:
    return re.search(pattern, text) is not None


def rust_verdict(pattern: str, text: str) -> bool:
    return jsonschema_rs.validator_for({"type": "string", "pattern": pattern}).is_valid(text)


def ajv_verdicts(strings: list[str], tmp_path) -> list[list[bool]]:
    data = tmp_path / "patterns.json"
    data.write_text(json.dumps({"patterns": PATTERNS, "strings": strings}), encoding="utf-8")
    done = subprocess.run(
        ["node", str(REPO / "tests" / "support" / "pattern_verdicts.cjs"), str(data)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=REPO,
    )
    return json.loads(done.stdout)


@settings(max_examples=8, deadline=timedelta(seconds=30), suppress_health_check=list(HealthCheck))
@given(strings=st.lists(TEXT | URLISH | DATES | EMAILS, min_size=150, max_size=150))
def test_each_pattern_reads_alike_in_python_jsonschema_rs_and_ajv(strings, tmp_path_factory):
    ajv = ajv_verdicts(strings, tmp_path_factory.mktemp("patterns"))
    for pattern, from_ajv in zip(PATTERNS, ajv, strict=True):
        for text, by_ajv in zip(strings, from_ajv, strict=True):
            if pattern.endswith("$") and "\n" in text:
                continue  # refused by lineCharacters beside it (see the test above)
            by_python, by_rust = python_verdict(pattern, text), rust_verdict(pattern, text)
            assert by_python == by_rust == by_ajv, (pattern, text, by_python, by_rust, by_ajv)


def test_the_old_address_pattern_is_caught_disagreeing(tmp_path):
    """The check can fail: the pattern before issue 22 read U+FEFF differently."""
    old = "^https?://[^\\s/?#]+([/?#][^\\s]*)?$"
    text = "https://www.gov.uk/\ufeff"
    assert python_verdict(old, text) != rust_verdict(old, text)
