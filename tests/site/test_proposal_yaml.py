"""The file the proposal form writes reads back, in the validator's own YAML loader, as exactly
the answers given: any text a contributor can type (YAML 1.1's yes, 010, 1:20 and .nan;
YAML's own syntax; line breaks, spaces at either end, Unicode line separators), numbers and
lists. The form's writer (docs/assets/proposal-file.js and the bundled yaml package) runs in
Node, as it does in the browser; the oracle is the data handed to it."""

from __future__ import annotations

import json
import shutil
import subprocess

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.load.strict_yaml import load_yaml
from tests.conftest import REPO

HARNESS = REPO / "tests" / "support" / "proposal_yaml.cjs"
BUNDLE = REPO / "docs" / "assets" / "vendor" / "form-libraries.js"

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
     "<<", "=", "\t"]
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


def written(documents: list[dict[str, object]]) -> list[str]:
    node = shutil.which("node")
    assert node, "Node.js is needed for this test: install it (the README's test command does)"
    assert BUNDLE.is_file(), f"{BUNDLE} is missing: run node scripts/bundle-form-libraries.mjs"
    result = subprocess.run(
        [node, str(HARNESS)], input=json.dumps(documents), capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_form_file_quotes_what_yaml_1_1_would_misread():
    [text] = written([{"id": "x", "a": "yes", "b": "010", "c": "1:20", "d": ".nan", "e": "~", "f": "2026-11-24"}])
    assert load_yaml(text) == {"id": "x", "a": "yes", "b": "010", "c": "1:20", "d": ".nan", "e": "~", "f": "2026-11-24"}
    assert text.startswith("# yaml-language-server: $schema=../schema/case-study.schema.json\n")


@settings(max_examples=30, deadline=None)  # each example is one run of Node over up to 100 files
@given(st.lists(DOCUMENT, min_size=1, max_size=100))
def test_any_answers_read_back_as_given(documents):
    for document, text in zip(documents, written(documents), strict=True):
        assert load_yaml(text) == document, text
