"""The publication settings from mkdocs.yml: checked, with defaults, and the addresses on GitHub
that the site links to, against addresses written out by hand."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.config.publication import (
    CASE_STUDY_FIELD,
    CC_BY,
    CORRECTION_FORM,
    PublicationError,
    publication_from,
)

REPO = "https://github.com/example-org/practice-site"


def test_defaults_name_the_licences_and_read_the_branch_from_edit_uri():
    publication = publication_from(REPO + ".git", "edit/trunk/docs/", {"publisher": "Example Council"})
    assert publication.publisher == "Example Council"
    assert publication.content_licence == CC_BY
    assert publication.code_licence.name == "MIT"
    assert publication.code_licence.url == f"{REPO}/blob/trunk/LICENSE"
    assert publication.host is not None
    assert publication.host.edit_file("practice/leeds-family-valued.yaml") == (
        f"{REPO}/edit/trunk/practice/leeds-family-valued.yaml"
    )
    assert publication.host.new_file_base() == f"{REPO}/new/trunk"


def test_the_report_link_names_the_case_study_in_the_correction_form():
    publication = publication_from(REPO, None, {"publisher": "Example Council"})
    link = publication.report_problem("leeds-family-valued", "Leeds Family Valued & more")
    address = urlsplit(link)
    assert f"{address.scheme}://{address.netloc}{address.path}" == f"{REPO}/issues/new"
    assert parse_qs(address.query, strict_parsing=True) == {
        "template": [CORRECTION_FORM],
        "title": ["Correction: Leeds Family Valued & more"],
        CASE_STUDY_FIELD: ["leeds-family-valued"],
    }


def test_without_a_github_repository_there_are_no_edit_or_report_links():
    for repo_url in (None, "", "https://gitlab.com/example/site", "https://github.com/only-owner"):
        publication = publication_from(repo_url, None, {"publisher": "Example Council"})
        assert publication.host is None
        assert publication.report_problem("x", "X") is None
        assert publication.proposal_issue is None


@pytest.mark.parametrize(
    ("settings", "says"),
    [
        (None, "must be a set of fields"),
        ({}, "publisher must be set"),
        ({"publisher": "  "}, "publisher must be set"),
        ({"publisher": "A\x1b[31mB"}, "one line of at most 200"),
        ({"publisher": "x" * 201}, "one line of at most 200"),
        ({"publisher": "A", "email": "not an address"}, "email must be an email address"),
        ({"publisher": "A", "publisher_url": "javascript:alert(1)"}, "publisher_url must be a web address"),
        ({"publisher": "A", "publisher_url": 'https://a.example/"onmouseover='}, "publisher_url must be a web address"),
        ({"publisher": "A", "content_licence": "CC0"}, "must have exactly name: and url:"),
        ({"publisher": "A", "content_licence": {"name": "CC0", "url": None}}, "content_licence.url must be"),
        ({"publisher": "A", "publsher": "typo"}, "unknown settings publsher"),
    ],
)
def test_a_bad_setting_is_named(settings, says):
    with pytest.raises(PublicationError, match=says):
        publication_from(REPO, None, settings)


def test_an_edit_uri_without_a_branch_is_refused():
    with pytest.raises(PublicationError, match="edit_uri"):
        publication_from(REPO, "docs/", {"publisher": "A"})


@given(st.text(max_size=300))
def test_any_publisher_setting_is_accepted_as_text_or_refused_by_name(text):
    try:
        publication = publication_from(REPO, None, {"publisher": text})
    except PublicationError as error:
        assert "extra.publication.publisher" in str(error)
    else:
        assert publication.publisher == text.strip() and "\n" not in publication.publisher
