"""Who stands behind the site, and the ways into the repository, as a reader finds them in the
built pages: the footer of every page, the links on every case study, the open data page's
licences, the accessibility statement and the proposal form's target.

Oracles: the repository's address is read from mkdocs.yml's text, case-study files from the
practice/ folder, and the widths the accessibility tests use from those tests themselves.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.test_accessibility import DESKTOP, PHONE, WCAG_22_A_AA
from tests.browser.test_proposal_form import REPOSITORY
from tests.conftest import REPO, build
from tests.support.site_html import Element, elements_with_class, read_page

MKDOCS = (REPO / "mkdocs.yml").read_text(encoding="utf-8")


def setting(name: str, text: str = MKDOCS) -> str:
    found = re.search(rf"^{name}: (\S+)$", text, re.MULTILINE)
    assert found, f"mkdocs.yml has no {name}"
    return found.group(1)


def test_the_shipped_repository_is_the_one_the_tests_expect():
    assert setting("repo_url") == REPOSITORY
    assert setting("edit_uri") == "edit/main/docs/"


def footer(page: Path):
    [element] = elements_with_class(page.read_text(encoding="utf-8"), "practice-footer")
    return Element(re.sub(r" ([;.,])", r"\1", element.text), element.links)  # the parser spaces out links


def test_every_page_names_the_publisher_and_the_licences(built_site):
    publisher = re.search(r"^    publisher: (.+)$", MKDOCS, re.MULTILINE).group(1)
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        found = footer(page)
        assert f"Published by {publisher}." in found.text, page
        assert "Case studies and data under CC BY 4.0; code under MIT." in found.text, page
        assert "https://creativecommons.org/licenses/by/4.0/" in found.links
        assert f"{REPOSITORY}/blob/main/LICENSE" in found.links
        for words in ("Propose a case study", "Accessibility", "Privacy", "Contact", "Source code"):
            assert words in found.text, (page, words)


def test_every_case_study_links_to_its_file_and_to_a_report_naming_it(built_site):
    files = sorted((REPO / "practice").glob("*.yaml"))
    assert len(files) >= 11
    for file in files:
        case_id = file.stem
        html = (built_site / "practice" / case_id / "index.html").read_text(encoding="utf-8")
        [actions] = elements_with_class(html, "case-study-actions")
        edit, report = actions.links
        assert edit == f"{REPOSITORY}/edit/main/practice/{file.name}"
        title = re.search(r"^title: (.+)$", file.read_text(encoding="utf-8"), re.MULTILINE).group(1).strip('"')
        address = urlsplit(report)
        assert f"{address.scheme}://{address.netloc}{address.path}" == f"{REPOSITORY}/issues/new"
        assert parse_qs(address.query) == {
            "template": ["correction.yml"],
            "title": [f"Correction: {title}"],
            "case-study": [case_id],
        }


def test_the_open_data_page_gives_each_file_its_licence(built_site):
    html = (built_site / "data" / "index.html").read_text(encoding="utf-8")
    downloads = html[html.index('class="downloads"') :].split("</ul>", 1)[0]
    items = re.findall(r"<li>(.*?)</li>", downloads, re.DOTALL)
    assert len(items) == 6  # JSON, CSV, the maps' CSVs, the data package, the schema, the feed
    for item in items:
        assert "Licence: " in item
        licence = "MIT" if 'href="case-study.schema.json"' in item else "CC BY 4.0"
        assert re.search(rf"Licence: <a [^>]*>{licence}</a>", item), item
    assert "if you credit" in read_page(built_site / "data" / "index.html").text


def test_the_accessibility_statement_states_what_the_tests_check(built_site):
    page = read_page(built_site / "about" / "accessibility" / "index.html")
    text = " ".join(page.text.split())
    assert "partially compliant" in text
    assert f"a desktop width of {DESKTOP['width']} pixels" in text
    assert f"a phone width of {PHONE['width']} pixels" in text
    assert "wcag22aa" in WCAG_22_A_AA and "WCAG 2.2 levels A and AA" in text
    assert "Nu HTML Checker" in text and "every page is valid HTML" in text
    assert "a width of 320 pixels" in text  # tests/browser/test_accessibility.py: the reflow test
    for heading in ("Reporting a problem", "Enforcement procedure", "Preparation of this statement"):
        assert heading in text
    assert f"{REPOSITORY}/issues/new?template=site-problem.yml&title=Accessibility%3A%20" in page.links
    assert "Equality Advisory and Support Service" in text


def test_the_privacy_note_says_what_is_kept_and_where(built_site):
    text = " ".join(read_page(built_site / "about" / "privacy" / "index.html").text.split())
    assert "sets no cookies" in text and "no requests to any other website" in text
    assert "local storage" in text and "Start again" in text


def test_the_form_page_sends_to_the_configured_repository(built_site):
    html = (built_site / "contributing" / "propose" / "index.html").read_text(encoding="utf-8")
    assert f'data-new-file="{REPOSITORY}/new/main"' in html
    assert 'data-schema="../../data/case-study.schema.json"' in html
    assert (built_site / "data" / "case-study.schema.json").is_file()
    taken = re.search(r'data-taken="([^"]*)"', html).group(1).split()
    assert taken == sorted(p.stem for p in (REPO / "practice").glob("*.yaml"))


@pytest.fixture(scope="module")
def another_repository(tmp_path_factory):
    """The site built for a fork: another owner, another branch."""
    root = tmp_path_factory.mktemp("fork")
    for name in ("docs", "site_overrides", "schema", "practice"):
        shutil.copytree(REPO / name, root / name)
    config = MKDOCS.replace(f"repo_url: {REPOSITORY}", "repo_url: https://github.com/a-fork/its-copy/")
    config = config.replace("edit_uri: edit/main/docs/", "edit_uri: edit/develop/docs/")
    config = config.replace(
        "    publisher: Effective Practice Repository editors",
        "    publisher: Example Council <b>children's services</b>\n    email: practice@example.gov.uk",
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    out = root / "site"
    result = build(root, out)
    assert result.returncode == 0, result.stderr
    return out


def test_a_fork_gets_links_to_its_own_repository(another_repository):
    html = (another_repository / "practice" / "leeds-family-valued" / "index.html").read_text(encoding="utf-8")
    [actions] = elements_with_class(html, "case-study-actions")
    assert actions.links[0] == "https://github.com/a-fork/its-copy/edit/develop/practice/leeds-family-valued.yaml"
    assert actions.links[1].startswith("https://github.com/a-fork/its-copy/issues/new?template=correction.yml&")
    form = (another_repository / "contributing" / "propose" / "index.html").read_text(encoding="utf-8")
    assert 'data-new-file="https://github.com/a-fork/its-copy/new/develop"' in form
    found = footer(another_repository / "index.html")
    assert "Published by Example Council <b>children's services</b>." in found.text  # as text, not markup
    assert "<b>children" not in (another_repository / "index.html").read_text(encoding="utf-8")
    statement = read_page(another_repository / "about" / "accessibility" / "index.html")
    assert "mailto:practice@example.gov.uk" in statement.links


def test_without_a_code_host_the_site_offers_no_edit_links(scratch_project, tmp_path_factory):
    project = scratch_project({})
    for shipped in (REPO / "practice").glob("*.yaml"):
        (project.practice_dir / shipped.name).write_bytes(shipped.read_bytes())
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^(repo_url|repo_name|edit_uri): .*\n", "", config, flags=re.MULTILINE)
    (project.root / "mkdocs.yml").write_text(config, encoding="utf-8")
    out = tmp_path_factory.mktemp("no-host")
    result = build(project.root, out)
    assert result.returncode == 0, result.stderr
    html = (out / "practice" / "leeds-family-valued" / "index.html").read_text(encoding="utf-8")
    assert "case-study-actions" not in html and "github.com" not in html
    form = (out / "contributing" / "propose" / "index.html").read_text(encoding="utf-8")
    assert "data-new-file" not in form and "data-open-host" not in form and "data-download" in form


@pytest.mark.parametrize(
    ("replace", "with_", "says"),
    [
        ("    publisher: Effective Practice Repository editors\n", "", "extra.publication must be a set of fields"),
        (
            "    publisher: Effective Practice Repository editors",
            "    publisher: ''",
            "extra.publication.publisher must be set",
        ),
        ("edit_uri: edit/main/docs/", "edit_uri: docs/", "edit_uri 'docs/' is not edit/<branch>/docs/"),
        (
            "    publisher: Effective Practice Repository editors",
            "    publisher: A\n    publisher_url: javascript:alert(1)",
            "extra.publication.publisher_url must be a web address",
        ),
    ],
)
def test_a_bad_publication_setting_stops_the_build_with_its_name(
    scratch_project, tmp_path_factory, leeds_text, replace, with_, says
):
    project = scratch_project({"leeds-family-valued.yaml": leeds_text})
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    assert replace in config
    (project.root / "mkdocs.yml").write_text(config.replace(replace, with_), encoding="utf-8")
    result = build(project.root, tmp_path_factory.mktemp("bad"))
    assert result.returncode != 0
    assert says in result.stderr and "Traceback" not in result.stderr
