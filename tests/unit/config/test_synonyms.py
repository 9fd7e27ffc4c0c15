"""The synonyms file: read strictly, applied by whole words."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.config.synonyms import Synonyms, SynonymsError
from tests.conftest import REPO


def load(tmp_path: Path, text: str) -> Synonyms:
    path = tmp_path / "synonyms.yaml"
    path.write_text(text, encoding="utf-8")
    return Synonyms.load(path)


BROKEN = {
    "not a mapping": ("- [a, b]\n", 1, "expected groups:"),
    "group of one": ("groups:\n  - [a, b]\n  - [c]\n", 3, "each group lists 2 to 20 words"),
    "a number": ("groups:\n  - [a, 12]\n", 2, "each word or phrase is text"),
    "no letters": ("groups:\n  - [a, '--']\n", 2, "needs a letter or digit"),
    "in two groups": ("groups:\n  - [FIP, FIPs]\n  - [fip, family intervention]\n", 3, "is already in group 1"),
    "duplicate key": ("groups:\n  - [a, b]\ngroups:\n  - [c, d]\n", 3, "duplicate key 'groups'"),
}


@pytest.mark.parametrize("case", BROKEN)
def test_a_broken_file_is_a_set_up_fault_naming_its_line(tmp_path, case):
    text, line, message = BROKEN[case]
    with pytest.raises(SynonymsError) as caught:
        load(tmp_path, text)
    assert f"line {line}: " in str(caught.value) and message in str(caught.value)


def test_no_file_means_no_synonyms(tmp_path):
    assert Synonyms.load(tmp_path / "missing.yaml").expansions("domestic violence") == []


def test_the_shipped_groups():
    synonyms = Synonyms.load(REPO / "schema" / "synonyms.yaml")
    found = synonyms.expansions("Family Intervention Projects cut domestic violence and A&E visits.")
    assert {"FIP", "FIPs", "domestic abuse", "accident and emergency", "emergency department"} <= set(found)
    assert "Family Intervention Projects" not in found  # already there
    assert synonyms.expansions("key workers") == ["keyworker"]  # a plural still counts
    assert synonyms.expansions("LACK of FIPSTER data") == []  # whole words only


@given(st.text(max_size=2000))
def test_any_text_gives_only_words_of_the_groups_it_uses(text):
    synonyms = Synonyms.load(REPO / "schema" / "synonyms.yaml")
    found = synonyms.expansions(text)
    words = {t for g in synonyms.groups for t in g}
    assert set(found) <= words
    assert len(found) == len(set(found))
    if not any(t.lower() in text.lower() for t in words):
        assert found == []


def test_long_hostile_text_is_read_in_linear_time():
    synonyms = Synonyms.load(REPO / "schema" / "synonyms.yaml")
    started = time.perf_counter()
    synonyms.expansions("family intervention projec" * 20_000 + "domestic " * 20_000)
    assert time.perf_counter() - started < 2
