"""The file the proposal form writes reads back, in the validator's own YAML loader, as exactly
the answers given: any text a contributor can type (YAML 1.1's yes, 010, 1:20 and .nan;
YAML's own syntax; line breaks, spaces at either end, Unicode line separators, the texts the
writer once used as stand-ins), numbers and lists. Figures come out as plain decimals (no
exponent, at most MAX_DECIMAL_PLACES digits after the point), and the form reads a typed
figure as that decimal or names what is wrong with it. The form's writer
(frontend/proposal/file.js, bundled into docs/assets/proposal-form.js, with the bundled yaml
package) runs in Node, as it does in the
browser; the oracle is the data handed to it, and the decimals it was made from."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.load.json_numbers import MAX_DECIMAL_PLACES, MAX_DIGITS
from generator.load.strict_yaml import load_yaml
from tests.conftest import REPO

HARNESS = REPO / "tests" / "support" / "proposal_yaml.cjs"
BUNDLE = REPO / "docs" / "assets" / "vendor" / "form-libraries.js"
# What the page tells the form (data-decimal-places, data-max-digits on a number's field).
LIMITS = {"maxDecimalPlaces": MAX_DECIMAL_PLACES, "maxDigits": MAX_DIGITS}

# What the schema lets a text field hold: anything but C0/C1 controls (tab and newline apart)
# and U+FFFE/U+FFFF. The validator refuses those itself, with a message.
TYPABLE = st.characters(
    blacklist_categories=("Cs",),
    blacklist_characters=[chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]]
    + ["\ufffe", "\uffff"],
)
TRICKY = st.sampled_from(
    ["yes", "No", "on", "OFF", "y", "n", "~", "null", "010", "0o17", "0x1F", "1:20", "1_000", ".nan", "-.inf",
     "1e3", "2026-11-24", "- item", "key: value", "#comment", "&anchor", "*alias", "!!binary", "|", ">", "'", '"',
     "%YAML", "---", "...", "@", "`", "{a: b}", "[1, 2]", " leading", "trailing ", "a\nb", "a\n\nb\n",
     "\u2028", "\u2029", "a\u2028b", "\u20280",
     "- a\n  - nested\n", " x\ny", "\tx\ny", "x\n \ny", "x \ny\t",
     "<<", "=", "\t", "\ufeff", "a\ufeffb", "x\n\ufeffy",
     # the writer's old stand-ins for the texts above, as a contributor could type them
     "\\0#0#", '"\\0#0#"', '"\\0#1#"', 'say "\\0#0#" now']
)  # fmt: skip
TEXT = st.one_of(TRICKY, st.text(TYPABLE, max_size=80), st.lists(TRICKY, max_size=4).map("".join))
# Numbers as the form reads them from what was typed: at most 15 digits (the validator's limit).
NUMBER = st.one_of(
    st.integers(-(10**12), 10**12),
    st.builds(lambda whole, places: whole / 10**places, st.integers(-(10**12), 10**12), st.integers(1, 3)),
)
# Keys are the schema's names, never typed: plain words, and YAML 1.1's one-letter booleans.
KEY = st.one_of(st.sampled_from(["y", "n", "yes", "on", "null"]), st.from_regex(r"[a-z][a-z_-]{0,15}", fullmatch=True))
VALUE = st.recursive(
    st.one_of(TEXT, NUMBER),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEY, inner, max_size=4)),
    max_leaves=12,
)
DOCUMENT = st.dictionaries(KEY, VALUE, max_size=6).map(lambda d: {"id": "a-case-study", **d})


def run_harness(request: dict[str, object]) -> dict[str, list]:
    node = shutil.which("node")
    assert node, "Node.js is needed for this test: install it (the README's test command does)"
    assert BUNDLE.is_file(), f"{BUNDLE} is missing: run node scripts/bundle-form-libraries.mjs"
    result = subprocess.run(
        [node, str(HARNESS)],
        input=json.dumps({**request, "limits": LIMITS}),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def writer_answers(documents: list[dict[str, object]]) -> list[object]:
    """Per document, the file's text, or {"error": ...} where the writer refused to write it."""
    return run_harness({"documents": documents})["texts"]


def written(documents: list[dict[str, object]]) -> list[str]:
    texts = writer_answers(documents)
    assert all(isinstance(text, str) for text in texts), texts
    return texts


def read_figures(typed: list[str]) -> list[dict[str, object] | None]:
    return run_harness({"figures": typed})["figures"]


def plain(figure: Decimal) -> str:
    """A figure as the file must show it: a plain decimal, no exponent, no trailing zeros, no -0."""
    text = format(figure.normalize(), "f")
    return "0" if text == "-0" else text


def test_the_form_file_quotes_what_yaml_1_1_would_misread():
    [text] = written([{"id": "x", "a": "yes", "b": "010", "c": "1:20", "d": ".nan", "e": "~", "f": "2026-11-24"}])
    assert load_yaml(text) == {"id": "x", "a": "yes", "b": "010", "c": "1:20", "d": ".nan", "e": "~", "f": "2026-11-24"}
    assert text.startswith("# yaml-language-server: $schema=../schema/case-study.schema.json\n")


@settings(max_examples=30, deadline=None)  # each example is one run of Node over up to 100 files
@given(st.lists(DOCUMENT, min_size=1, max_size=100))
def test_any_answers_read_back_as_given(documents):
    for document, text in zip(documents, written(documents), strict=True):
        assert load_yaml(text) == document, text


def test_answers_like_the_old_stand_ins_are_not_swapped():
    """The writer once wrote "<<" and "=" as stand-ins ("\\0#0#" in the file) and swapped them back
    by replacing text: an answer holding that text took another answer's place."""
    document = {
        "id": "x",
        "a": "<<",
        "b": "=",
        "c": 'say "\\0#0#" now',
        "d": '"\\0#1#"',
        "e": "\\0#0#",
        "f": ['"\\0#0#" and "\\0#1#"', "a\u2028b"],
    }
    [text] = written([document])
    assert load_yaml(text) == document, text


FIGURES_WRITTEN = [
    (0.0001, "0.0001"),
    (1000000, "1000000"),
    (1e6, "1000000"),
    (12.5, "12.5"),
    (-25, "-25"),
    (-0.0, "0"),
    (0.1, "0.1"),
    (10**12, "1000000000000"),
    (123456789012.345, "123456789012.345"),
    (99999999999.9999, "99999999999.9999"),
    (0.0123, "0.0123"),
]


def test_figures_are_written_as_plain_decimals():
    [text] = written([{"id": "x", "figures": [figure for figure, _ in FIGURES_WRITTEN]}])
    assert [line[len("  - ") :] for line in text.splitlines() if line.startswith("  - ")] == [
        shown for _, shown in FIGURES_WRITTEN
    ], text
    assert load_yaml(text)["figures"] == [figure for figure, _ in FIGURES_WRITTEN]


# Any figure the form can hand the writer: at most MAX_DECIMAL_PLACES digits after the point, at
# most MAX_DIGITS digits in all, and no larger than the schema's largest maximum (10^12).
FIGURE = st.integers(0, MAX_DECIMAL_PLACES).flatmap(
    lambda places: st.integers(
        -min(10**MAX_DIGITS - 1, 10 ** (12 + places)), min(10**MAX_DIGITS - 1, 10 ** (12 + places))
    ).map(lambda mantissa: Decimal(mantissa).scaleb(-places))
)


@settings(max_examples=40, deadline=None)
@given(st.lists(FIGURE, min_size=1, max_size=60))
def test_any_figure_in_bounds_is_a_plain_decimal_that_reads_back_the_same(figures):
    [text] = written([{"id": "x", "figures": [float(figure) for figure in figures]}])
    shown = [line[len("  - ") :] for line in text.splitlines() if line.startswith("  - ")]
    assert shown == [plain(figure) for figure in figures], text
    assert all(re.fullmatch(r"-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?", figure) for figure in shown)
    assert load_yaml(text)["figures"] == [float(figure) for figure in figures]


@pytest.mark.parametrize(
    "value",
    [1e-7, 0.00001, 0.1 + 0.2, 1e21, 1234567890123456.0, "a\ud800b", {"b": "\udfff"}],
    ids=["1e-7", "five-places", "0.30000000000000004", "1e21", "16-digits", "lone-high-surrogate", "lone-low"],
)
def test_the_writer_refuses_what_it_cannot_write_as_given(value):
    """The form refuses these at the field; should one reach the writer, it writes no file
    rather than a figure other than the one given, or text libyaml refuses."""
    [answer] = writer_answers([{"id": "x", "value": value}])
    assert isinstance(answer, dict) and answer["error"], answer


FIGURES_TYPED = [
    ("1,200", {"value": 1200}),
    ("1,200.5", {"value": 1200.5}),
    ("0.0001", {"value": 0.0001}),
    (".5", {"value": 0.5}),
    ("-25", {"value": -25}),
    ("+3", {"value": 3}),
    ("0.12345", {"problem": "places", "count": 5}),
    ("0.10000", {"problem": "places", "count": 5}),
    ("123456789012.3456", {"problem": "digits", "count": 16}),
    ("1" * 40, {"problem": "digits", "count": 40}),
    ("1e-7", None),
    ("£1,200", None),
    ("1,20", None),
    ("12.", None),
    ("", None),
    ("-", None),
    ("0x1F", None),
    ("1 000", None),
]


def test_the_form_reads_a_typed_figure_or_names_the_problem():
    answers = read_figures([typed for typed, _ in FIGURES_TYPED])
    assert dict(zip([t for t, _ in FIGURES_TYPED], answers, strict=True)) == dict(FIGURES_TYPED)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(FIGURE, st.booleans()), min_size=1, max_size=60))
def test_a_figure_typed_as_a_decimal_is_read_as_that_decimal(figures):
    typed = [f"{figure:,f}" if grouped else format(figure, "f") for figure, grouped in figures]
    answers = read_figures(typed)
    assert answers == [{"value": float(figure)} for figure, _ in figures], typed
