"""The proposal form's words, as a contributor who has never seen a case-study file reads them
in the built page: no file names, field names or values written as the file writes them, and
each help said once."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from generator.config.taxonomy import Taxonomy
from tests.conftest import REPO
from tests.support.site_html import elements_with_class

FORM = "contributing/propose/index.html"
TAXONOMY = Taxonomy.load(REPO / "schema" / "taxonomy.yaml")
# What a file editor reads and a form user should not: files and formats, a field name as the
# file writes it (snake_case), the empty list, and the taxonomy's ids (the choices show their
# labels instead). A one-word field name ("design: count") reads as English ("the practice: its
# figure"), so the ids it would come with are what is looked for.
FILE_WORDS = re.compile(r"\.ya?ml\b|\byaml\b|\bschema\b|\btaxonomy\b|\[\]|\b[a-z]+_[a-z_]+\b|\bids?\b|ISO \d", re.I)
IDS = {
    term.id
    for vocabulary in ("designs", "directions", "ratings", "source_access", "evidence_bases")
    for term in getattr(TAXONOMY, vocabulary).terms
    if "-" in term.id
}


@pytest.fixture(scope="module")
def helps(built_site) -> list[str]:
    html = (built_site / FORM).read_text(encoding="utf-8")
    found = [element.text for css in ("pf-hint", "pf-choice-hint") for element in elements_with_class(html, css)]
    assert len(found) > 80, "the form's help texts were not found"
    return found


def test_no_help_speaks_the_file_s_language(helps):
    spoken = [(text, FILE_WORDS.search(text).group()) for text in helps if FILE_WORDS.search(text)]
    assert spoken == []
    ids = [(text, term) for text in helps for term in IDS if re.search(rf"\b{re.escape(term)}\b", text)]
    assert ids == []


def test_each_help_says_each_sentence_once(helps):
    for text in helps:
        sentences = Counter(sentence.strip() for sentence in re.split(r"(?<=[.!?])\s+", text) if sentence.strip())
        assert [s for s, n in sentences.items() if n > 1] == [], text
    dated = [text for text in helps if text.count("YYYY-MM-DD") > 1]
    assert dated == []


def test_the_schema_s_own_words_are_still_the_file_editors_help():
    """The plain help is the form's alone: the schema, which file editors and their tools read,
    keeps its own descriptions (this pins that the form's table did not replace them)."""
    import json

    schema = json.loads((REPO / "schema" / "case-study.schema.json").read_text(encoding="utf-8"))
    assert "outcomes: []" in schema["properties"]["outcomes"]["description"]
