"""The guard before libyaml's composer decides from libyaml's own view of the document.

The landed guard scanned the text beside the parser, and the two disagreed: libyaml skips a
byte-order mark at the start of any line, so a mark there hid nesting (a segfault, exit 139),
anchors (a "billion laughs" that hung) and plain anchors (accepted although refused). The
crash and hang cases run `practice validate` in a child process, so that a regression fails
this test instead of killing the test run. The property test inserts byte-order marks and
line breaks anywhere in valid and hostile files, and compares the verdict with the pure-Python
YAML parser's events (an implementation independent of libyaml and of the guard).
"""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import timedelta

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.load.strict_yaml import YamlProblem, load_yaml
from generator.load.yaml_refusals import MAX_DEPTH
from tests.conftest import REPO

BOM, NEL, LS, PS = "\ufeff", "\x85", "\u2028", "\u2029"
BASE = (REPO / "tests" / "examples" / "base" / "leeds-family-valued.yaml").read_text(encoding="utf-8")


def validate_in_child(tmp_path, name: str, text: str) -> tuple[int, str, float]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "generator.adapters.cli", "validate", "--no-cache", "--format", "text", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr, time.perf_counter() - started


def test_a_mark_at_the_start_of_a_line_no_longer_hides_50000_levels(tmp_path):
    returncode, output, _ = validate_in_child(tmp_path, "deep.yaml", "a:\n" + BOM + "- " * 50_000 + "x\n")
    assert returncode == 1, output  # 139 was a segmentation fault
    assert "deep.yaml" in output
    assert "2:1 error: a byte-order mark (U+FEFF) may only be the file's first character" in output


def test_nesting_with_no_mark_is_refused_by_the_event_count(tmp_path):
    returncode, output, _ = validate_in_child(tmp_path, "deep.yaml", "a:\n" + "- " * 50_000 + "x\n")
    assert returncode == 1, output
    assert f"2:{2 * (MAX_DEPTH - 1) + 1} error: lists and fields are nested more than {MAX_DEPTH} levels deep" in output


def billion_laughs(mark: str) -> str:
    lines = [f"a0: {mark}&a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 10):
        aliases = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"{mark}a{level}: &a{level} [{aliases}]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("mark", "message"), [(BOM, "a byte-order mark (U+FEFF)"), ("", "anchors and aliases are not allowed")]
)
def test_a_billion_laughs_is_answered_at_once(tmp_path, mark, message):
    returncode, output, seconds = validate_in_child(tmp_path, "laughs.yaml", billion_laughs(mark))
    assert returncode == 1, output
    assert "1:5 error: " + message in output
    assert seconds < 20  # the landed code ran until killed


@pytest.mark.parametrize(
    "text",
    ["a: 1\n\ufeff&x b: 2\n", "a:\n\ufeff- &x 1\n", "a: 1\nb:\n  \ufeff&x [1]\n"],
)
def test_an_anchor_behind_a_mark_is_refused(text):
    with pytest.raises(YamlProblem, match="U\\+FEFF"):
        load_yaml(text)


@pytest.mark.parametrize(
    ("text", "message", "line", "column"),
    [
        ("a: 1\u2028b: 2\n", "the line separator U+2028 is not allowed", 1, 5),
        ("a: 1\nb: 2\u2029c: 3\n", "the paragraph separator U+2029 is not allowed", 2, 5),
        ("a: 1\r\nb: 'x\x85y'\n", "the line break NEL (U+0085) is not allowed", 2, 6),
        ("\ufeffa: 1\nb: x\ufeffy\n", "a byte-order mark (U+FEFF) may only be the file's first character", 2, 5),
    ],
)
def test_characters_yaml_readers_disagree_on_are_refused_where_they_stand(text, message, line, column):
    with pytest.raises(YamlProblem) as caught:
        load_yaml(text)
    assert (caught.value.message, caught.value.line, caught.value.column) == (message, line, column)


def test_a_mark_as_the_first_character_is_still_fine():
    assert load_yaml(BOM + "a: 1\n") == {"a": 1}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: !shout x\n", "the tag !shout is not allowed"),
        ("a: !!binary aGk=\n", "the tag !!binary is not allowed"),
        ("a: !!set {x}\n", "the tag !!set is not allowed"),
        ("a: !<tag:example.com,2000:x> y\n", "the tag tag:example.com,2000:x is not allowed"),
        ("a: *nothing\n", "anchors and aliases are not allowed (found alias *nothing)"),
    ],
)
def test_tags_and_aliases_are_refused_from_the_events(text, message):
    with pytest.raises(YamlProblem) as caught:
        load_yaml(text)
    assert caught.value.message.startswith(message)


# ---------- the property: any mark or break, anywhere ----------

HOSTILE = [
    BASE,
    "a:\n" + "- " * 70 + "x\n",
    "a: " + "[" * 70 + "]" * 70 + "\n",
    "a: {b: " * 70 + "1" + "}" * 70 + "\n",
    "a: &x 1\nb: *x\n",
    "a: [&y 1]\n",
    billion_laughs(""),
    "a:\n  b:\n    - c: 1\n      d: [1, 2]\n",
]
INSERTED = st.sampled_from([BOM, NEL, LS, PS, "\r", "\n", "\r\n", "\t", " ", "- ", "[", "&z ", "*z "])


def oracle(text: str) -> str | None:
    """What the pure-Python parser (not libyaml) says must stop the file: 'odd', 'anchor',
    'deep', 'syntax', or None for nothing the guard decides."""
    if any(character in text[1:] for character in (BOM, NEL, LS, PS)) or (text[:1] in (NEL, LS, PS)):
        return "odd"
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):  # the pure-Python parser
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                return "anchor"
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return "deep"
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return "syntax"
    return None


@settings(max_examples=300, deadline=timedelta(seconds=2), suppress_health_check=[HealthCheck.too_slow])
@given(
    base=st.sampled_from(HOSTILE),
    insertions=st.lists(st.tuples(st.floats(0, 1), INSERTED), min_size=1, max_size=6),
)
def test_marks_and_breaks_anywhere_are_decided_as_the_parser_sees_them(base, insertions):
    text = base
    for where, inserted in insertions:
        at = int(where * len(text))
        text = text[:at] + inserted + text[at:]
    expected = oracle(text)
    try:
        load_yaml(text)
    except YamlProblem as problem:
        assert problem.line is None or problem.line >= 1
        if expected == "odd":
            assert "U+" in problem.message, problem.message
        elif expected == "anchor":
            assert "anchors and aliases are not allowed" in problem.message or "syntax" in problem.message
        elif expected == "deep":
            assert "nested more than" in problem.message or "syntax" in problem.message
        return
    assert expected in (None, "syntax"), (expected, text)  # accepted only what nothing forbids
