"""The schema rejects bad case studies with a message naming the file, line and field."""

from __future__ import annotations

import pytest

from generator.check.collection import check_collection
from tests.conftest import TODAY

GOOD_STATEMENT = """  creative-capacity-building: >-
    Leeds invested in its workforce as well as in families, supporting social workers to
    develop excellent practice and creating new domestic violence services, so that the change
    in practice could be sustained.
"""

# name -> (how to break the Leeds case study, field, words the message must contain, words the hint must contain)
BAD_EDITS = {
    "misspelt field": (
        lambda t: t.replace("locality:", "localty:"),
        "localty",
        "unknown field 'localty'",
        "did you mean 'locality'",
    ),
    "unknown theme": (
        lambda t: t.replace("  - safeguarding\n", "  - safegaurding\n"),
        "themes[0]",
        "'safegaurding' is not an allowed value",
        "did you mean 'safeguarding'",
    ),
    "characteristic without its statement": (
        lambda t: t.replace(GOOD_STATEMENT, "  creative-capacity-building:\n"),
        "characteristics.creative-capacity-building",
        "expected text, found nothing",
        "How this practice shows",
    ),
    "characteristics as bare tags": (
        lambda t: t.replace(
            "characteristics:\n  respectful", "characteristics:\n  - evaluation-of-impact\nx:\n  respectful"
        ),
        "characteristics",
        "expected a set of fields",
        "A bare tag is not enough",
    ),
    "unknown characteristic": (
        lambda t: t.replace("  evaluation-of-impact: >-", "  evaluation: >-"),
        "characteristics.evaluation",
        "unknown field 'evaluation'",
        "did you mean 'evaluation-of-impact'",
    ),
    "non-http URL": (
        lambda t: t.replace(
            "    publisher: Department for Education\n",
            "    publisher: Department for Education\n    url: ftp://example.org/report.pdf\n",
        ),
        "sources[0].url",
        "not a web address starting http:// or https://",
        "",
    ),
    "javascript URL": (
        lambda t: t.replace(
            "    publisher: Department for Education\n",
            "    publisher: Department for Education\n    url: javascript:alert(1)\n",
        ),
        "sources[0].url",
        "not a web address starting http:// or https://",
        "",
    ),
    "missing required field": (
        lambda t: t.replace("title: Leeds Family Valued\n", ""),
        "title",
        "missing required field 'title'",
        "Name of the practice",
    ),
    "wrong type": (
        lambda t: t.replace(
            "themes:\n  - safeguarding\n  - families-parents-carers\n  - vulnerable-children\n", "themes: 3\n"
        ),
        "themes",
        "expected a list, found the number 3",
        "",
    ),
    "impossible date": (
        lambda t: t.replace('published: "2026-11-22"', "published: 2026-02-30"),
        "published",
        "'2026-02-30' is not a real date",
        "",
    ),
    "unknown rating": (
        lambda t: t.replace("rating: promising", "rating: validated"),
        "evidence.rating",
        "'validated' is not an allowed value",
        "fully-validated",
    ),
    "summary too long": (
        lambda t: t.replace("  Leeds rebuilt its work", "  " + "Far too long. " * 40 + "Leeds rebuilt its work"),
        "summary",
        "characters long; it must be at most 400",
        "",
    ),
    "id not equal to file name": (
        lambda t: t.replace("id: leeds-family-valued", "id: leeds"),
        "id",
        "does not match the file name",
        "set id: leeds-family-valued",
    ),
    "period ends before it starts": (
        lambda t: t.replace("  end: ongoing", "  end: 2001"),
        "period.end",
        "ends (2001) before it starts (2011)",
        "",
    ),
}


@pytest.mark.parametrize("name", BAD_EDITS)
def test_bad_case_study_is_rejected_with_a_located_message(name, leeds_text, scratch_project):
    edit, field, message, hint = BAD_EDITS[name]
    broken = edit(leeds_text)
    assert broken != leeds_text, "the edit did not apply"
    project = scratch_project({"leeds-family-valued.yaml": broken})

    collection = check_collection(project, today=TODAY)

    assert collection.case_studies == []
    matching = [p for p in collection.errors if p.field == field]
    assert matching, [(p.field, p.message) for p in collection.errors]
    problem = matching[0]
    assert problem.file == "practice/leeds-family-valued.yaml"
    assert message in problem.message
    assert hint in problem.hint
    assert problem.line is not None
    if problem.column is None:  # a block scalar (summary: >-): the line of its text
        assert broken.splitlines()[problem.line - 2].rstrip().endswith((">-", "|", ">"))
        return
    # The line named really is where the field (or its parent) is written.
    line = broken.splitlines()[problem.line - 1]
    last_name = field.split(".")[-1].split("[")[0]
    assert last_name in line or line.strip().startswith("-") or field in ("title",), line


def test_other_files_are_still_checked_and_kept(leeds_text, scratch_project, repo):
    """One bad file neither stops validation nor costs the good files their place."""
    good = (repo.practice_dir / "family-intervention-projects.yaml").read_text(encoding="utf-8")
    project = scratch_project(
        {
            "leeds-family-valued.yaml": leeds_text.replace("locality:", "localty:"),
            "family-intervention-projects.yaml": good,
        }
    )
    collection = check_collection(project, today=TODAY)
    assert [c.id for c in collection.case_studies] == ["family-intervention-projects"]
    assert {p.file for p in collection.errors} == {"practice/leeds-family-valued.yaml"}


def test_all_problems_in_a_file_are_reported_together(leeds_text, scratch_project):
    broken = leeds_text.replace("locality:", "localty:").replace("  - safeguarding\n", "  - safegaurding\n")
    collection = check_collection(scratch_project({"leeds-family-valued.yaml": broken}), today=TODAY)
    fields = {p.field for p in collection.errors}
    assert {"localty", "locality", "themes[0]"} <= fields


def test_two_files_with_one_id_are_both_reported(leeds_text, scratch_project):
    project = scratch_project(
        {
            "leeds-family-valued.yaml": leeds_text,
            "leeds-copy.yaml": leeds_text,
        }
    )
    collection = check_collection(project, today=TODAY)
    duplicate = [p for p in collection.errors if "is also used by" in p.message]
    assert {p.file for p in duplicate} == {"practice/leeds-family-valued.yaml", "practice/leeds-copy.yaml"}
