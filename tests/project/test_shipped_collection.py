"""The collection we ship: every file loads, validates, and together they cover the taxonomy."""

from __future__ import annotations

import json
import os

import pytest
import yaml

from generator.check.collection import check_collection
from generator.load.files import case_study_paths
from tests.conftest import TODAY
from tests.support.figures import source_text
from tests.support.research_notes import excerpts_by_figure, excerpts_in, research_excerpts, unquoted_figures
from tests.support.seed_excerpts import NOTE, shared_documents

REQUIRED_PRACTICE = {
    "leeds-family-valued",
    "hertfordshire-family-safeguarding",
    "north-yorkshire-no-wrong-door",
    "family-intervention-projects",
    "wakefield-early-intervention-centre",
    "peterborough-family-safeguarding",
    "darlington-family-valued",
    "cambridgeshire-family-safeguarding",
    "middlesbrough-strengthening-families",
    # issue 15: documented practice from published evaluations
    "hackney-reclaiming-social-work",
    "westminster-family-recovery-programme",
    "family-drug-and-alcohol-court",
    "pause",
    "lifelong-links",
    "family-group-conferences-pre-proceedings",
    "essex-multisystemic-therapy",
    "stockport-family",
    "wigan-rochdale-achieving-change-together",
    "mockingbird-family-model",
}


def test_every_shipped_case_study_is_valid(shipped):
    assert [p.location() + " " + p.message for p in shipped.errors] == []


def test_shipped_warnings_are_only_missing_source_urls(shipped):
    """A source with no known web address warns (only the ADCS letter of 18 March 2010); we
    invent none."""
    assert [p.message for p in shipped.problems if not p.message.endswith("has no URL")] == []


def test_no_file_is_dropped(repo, shipped):
    files = {p.stem for p in case_study_paths(repo.practice_dir)}
    assert {c.id for c in shipped.case_studies} == files
    assert shipped.files_checked == len(files) >= 10


def test_named_practice_is_in_the_collection(shipped):
    assert {c.id for c in shipped.case_studies} >= REQUIRED_PRACTICE


def test_every_characteristic_is_used_and_every_rating_stands_on_its_sources(shipped, taxonomy):
    """Each characteristic has practice to show it. No shipped case study is rated fully
    validated without citing an evaluation report, and a promising one has results to show:
    checked here from the data, apart from the validator's standards. (Until the evaluation
    reports are cited, no case study is fully validated: the three that were rested on a press
    release's summary of their evaluations.)"""
    characteristics = {k for c in shipped.case_studies for k in c.characteristics}
    assert characteristics == set(taxonomy.characteristics.ids)
    for case_study in shipped.case_studies:
        if case_study.evidence.rating == "fully-validated":
            assert any(source.kind == "evaluation" for source in case_study.sources), case_study.id
        if case_study.evidence.rating == "promising":
            assert case_study.outcomes, case_study.id
    assert {c.evidence.rating for c in shipped.case_studies} >= {"promising", "emerging"}


def test_ratings_are_recorded_as_the_editors_own(shipped):
    """Invent no validation: the shipped ratings are the editors' application of the grades."""
    for case_study in shipped.case_studies:
        assert case_study.evidence.rated_by.startswith("Repository editors"), case_study.id
        assert "C4EO validat" not in case_study.evidence.rated_by


def test_every_case_study_carries_the_schema_modeline(repo):
    for path in case_study_paths(repo.practice_dir):
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        assert first_line == "# yaml-language-server: $schema=../schema/case-study.schema.json", path.name


def test_figures_appear_in_the_source_documents(shipped, repo):
    """Every baseline, follow-up, comparison, percentage, cost and saving is traceable: an excerpt
    in the repository's research notes, labelled with its case study and field, writes it. The
    notes are in the repository, so this runs wherever the tests do."""
    quoted = excerpts_by_figure(research_excerpts(repo.root / "research"))
    assert list(unquoted_figures(shipped.case_studies, quoted)) == []


def test_excerpts_from_the_source_documents_are_word_for_word(repo):
    """research/seed-excerpts.md quotes the seed documents and the researched sources beside the
    repository (../shared); each excerpt must be in the document it names, as written there."""
    paths = shared_documents(repo.root)
    if paths is None:
        assert not os.environ.get("REQUIRE_SEEDS"), "../shared is incomplete; .ci/run checks the excerpts against it"
        pytest.skip("../shared/seeds and ../shared/research/sources.md are not beside this checkout")
    documents = {path.relative_to(repo.root.parent / "shared").as_posix(): source_text([path]) for path in paths}
    excerpts = list(excerpts_in(repo.root / NOTE))
    assert excerpts, f"{NOTE} quotes nothing"
    for excerpt in excerpts:
        where = (excerpt.case_study, excerpt.field, excerpt.source)
        assert excerpt.source in documents, where
        assert verbatim_in(excerpt.text, documents[excerpt.source]), where


def verbatim_in(excerpt: str, document: str, longest_gap: int = 500) -> bool:
    """The excerpt is in the document as written: each part between the ellipses that mark a
    cut is at least three words, and the parts come in the document's order, each within
    `longest_gap` characters of the one before (so parts cannot be stitched from afar)."""
    parts = excerpt.removeprefix("… ").removesuffix(" …").split(" … ")
    if any(len(part.split()) < 3 for part in parts):
        return False
    start = document.find(parts[0])
    while start != -1:
        end, found = start + len(parts[0]), True
        for part in parts[1:]:
            following = document.find(part, end, end + longest_gap + len(part))
            if following == -1:
                found = False
                break
            end = following + len(part)
        if found:
            return True
        start = document.find(parts[0], start + 1)
    return False


def test_a_hollow_or_stitched_excerpt_is_not_word_for_word():
    document = "In 2010 there were 91 families. Later, in another report entirely, 55 children were seen."
    assert verbatim_in("In 2010 there were 91 families.", document)
    assert verbatim_in("… there were 91 families. … in another report entirely …", document)
    assert not verbatim_in("… 91 …", document)  # too short to show what the figure is
    assert not verbatim_in("55 children were seen. … In 2010 there were", document)  # out of order
    assert not verbatim_in("there were 91 families. … 55 children were seen.", document, longest_gap=10)


def test_every_case_study_cites_a_source_with_an_address(shipped):
    for case_study in shipped.case_studies:
        assert any(source.url for source in case_study.sources), case_study.id


def test_annotated_example_in_the_docs_is_valid(repo, scratch_project):
    """The complete example editors copy from must itself pass validation, with every field."""
    doc = (repo.root / "docs" / "contributing" / "format.md").read_text(encoding="utf-8")
    example = doc.split("```yaml\n", 1)[1].split("```", 1)[0]
    project = scratch_project({"example-family-support.yaml": example})
    collection = check_collection(project, today=TODAY)
    assert [p.message for p in collection.problems] == []
    schema = json.loads(repo.schema_path.read_text(encoding="utf-8"))
    writable = {name for name, node in schema["properties"].items() if not node.get("readOnly")}
    assert set(yaml.safe_load(example)) == writable, "the example must show every field a file may give"


def test_the_format_page_states_the_standards_the_validator_applies(repo, taxonomy):
    """docs/contributing/format.md is written by hand; each rating's requirements, in the words
    the site and the validator use, must appear in its line there, so the page cannot drift."""
    from generator.config.standards import requirements

    doc = (repo.root / "docs" / "contributing" / "format.md").read_text(encoding="utf-8")
    section = doc.split("## The evidence standards", 1)[1].split("\n## ", 1)[0]
    lines = {line.split("**")[1]: line for line in section.splitlines() if line.startswith("- **")}
    assert list(lines) == [rating.label for rating in taxonomy.ratings.terms]
    for rating in taxonomy.ratings.terms:
        needs = requirements(rating.standard, taxonomy.labels())
        for need in needs:
            assert need in lines[rating.label], (rating.id, need)
        assert bool(needs) != ("no minimum" in lines[rating.label])
