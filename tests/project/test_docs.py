"""The notes for people working on the project hold what they promise: a README a newcomer reads
in two minutes, links that lead somewhere, and file names that exist. Links and code spans are
read by markdown-it-py, the parser the validator uses, not by a pattern beside it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.conftest import REPO

NOTES = [
    REPO / "README.md",
    REPO / "CONTRIBUTING.md",
    REPO / "benchmarks" / "README.md",
    *sorted((REPO / "docs" / "engineering").glob("*.md")),
]
# A code span that names a file of the repository by its path: one of its folders, then a file.
FOLDERS = "generator|frontend|tests|scripts|schema|docs|benchmarks|practice|research|requirements|\\.github|\\.ci"
REPOSITORY_PATH = re.compile(rf"(?:{FOLDERS})/(?:[\w.-]+/)*[\w.-]+\.[a-z0-9]+")
# Files the code contributors' recipes have the reader create.
MADE_BY_A_RECIPE = {
    "generator/render/templates/stopped.html.j2",
    "tests/examples/negative/source-dated-after-review.yaml",
}


def _tokens(path: Path):
    for token in MarkdownIt().parse(path.read_text(encoding="utf-8")):
        yield token
        yield from token.children or ()


def test_the_readme_is_short():
    lines = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) < 200, f"README.md has {len(lines)} lines; move detail to docs/engineering/"


@pytest.mark.parametrize("note", NOTES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_link_in_the_notes_leads_to_a_file_that_exists(note):
    targets = [t.attrs["href"] for t in _tokens(note) if t.type == "link_open"]
    local = [href.split("#")[0] for href in targets if not re.match(r"[a-z]+:|#", str(href))]
    missing = [href for href in local if not (note.parent / href).exists()]
    assert missing == []


def test_the_links_and_file_names_are_read_at_all():
    """The checks above read what they check: the README's links, the guide's file names (a
    file at the top of the repository is not taken for one)."""
    links = [t.attrs["href"] for t in _tokens(REPO / "README.md") if t.type == "link_open"]
    assert "docs/engineering/contributing-code.md" in links and "CONTRIBUTING.md" in links
    guide = REPO / "docs" / "engineering" / "contributing-code.md"
    named = {t.content for t in _tokens(guide) if t.type == "code_inline" and REPOSITORY_PATH.fullmatch(t.content)}
    assert {"generator/check/rule_words.py", "frontend/proposal/rules.js", "mkdocs.yml"} - named == {"mkdocs.yml"}


@pytest.mark.parametrize("note", NOTES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_file_the_notes_name_exists(note):
    named = {t.content for t in _tokens(note) if t.type == "code_inline" and REPOSITORY_PATH.fullmatch(t.content)}
    missing = sorted(path for path in named - MADE_BY_A_RECIPE if not (REPO / path).exists())
    assert missing == []


def test_the_engineering_notes_are_not_published(built_site):
    assert (REPO / "docs" / "engineering" / "contributing-code.md").is_file()
    assert not (built_site / "engineering").exists()


# Names the recipes have the reader create.
NAMED_BY_A_RECIPE = {"STOPPED", "languages"}


def test_every_name_the_code_guide_uses_is_in_the_code():
    """A constant, function or field the code contributors' guide names (`ERROR_RULES`,
    `csv_export`) is a word of the source, so a rename leaves no recipe pointing nowhere."""
    guide = REPO / "docs" / "engineering" / "contributing-code.md"
    names = {
        t.content
        for t in _tokens(guide)
        if t.type == "code_inline" and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", t.content)
    }
    assert {"ERROR_RULES", "BEYOND_THE_SCHEMA", "PAGE_KINDS", "csv_export"} <= names  # read at all
    sources = [
        *(REPO / "generator").rglob("*.py"),
        *(REPO / "generator").rglob("*.j2"),
        *(REPO / "frontend").rglob("*.js"),
        *(path for path in (REPO / "tests").rglob("*.py") if path.name != Path(__file__).name),
    ]
    words = {
        word for path in sources for word in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", path.read_text(encoding="utf-8"))
    }
    assert sorted(names - NAMED_BY_A_RECIPE - words) == []
