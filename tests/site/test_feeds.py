"""A feed for each practice model and each outcome area: a reader follows a programme or an
outcome in any feed reader. The oracle is the YAML, read here with PyYAML, not the generator."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
import yaml

from tests.conftest import REPO
from tests.support.site_html import read_page


def shipped_yaml() -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((REPO / "practice").glob("*.yaml"))]


def taxonomy_ids(vocabulary: str) -> list[str]:
    taxonomy = yaml.safe_load((REPO / "schema" / "taxonomy.yaml").read_text(encoding="utf-8"))
    return [term["id"] for term in taxonomy[vocabulary]]


FOLLOWED = [
    ("models", "models", lambda data, term: data.get("model", {}).get("id") == term),
    ("outcomes", "outcome_domains", lambda data, term: any(o["domain"] == term for o in data["outcomes"])),
]


@pytest.mark.parametrize(("folder", "vocabulary", "belongs"), FOLLOWED, ids=[f[0] for f in FOLLOWED])
def test_each_model_and_outcome_area_has_a_feed_of_exactly_its_case_studies(built_site, folder, vocabulary, belongs):
    collection = shipped_yaml()
    terms = taxonomy_ids(vocabulary)
    assert terms
    followed = 0
    for term in terms:
        page_dir = built_site / folder / term
        feed = feedparser.parse((page_dir / "feed.xml").read_bytes())
        assert feed.bozo == 0, feed.get("bozo_exception")
        assert feed.version == "atom10"
        expected = {data["id"] for data in collection if belongs(data, term)}
        assert {entry.id.rpartition("practice/")[2] for entry in feed.entries} == expected
        followed += bool(expected)
        for entry in feed.entries:
            assert (page_dir / entry.link / "index.html").resolve().is_file()
        updated = [entry.updated for entry in feed.entries]
        assert updated == sorted(updated, reverse=True)
        page = read_page(page_dir / "index.html")
        assert "feed.xml" in page.links  # the visible link; the head's is checked below
        head = (page_dir / "index.html").read_text(encoding="utf-8").split("</head>")[0]
        assert 'type="application/atom+xml"' in head and 'href="feed.xml"' in head
    assert followed > 0


def test_other_index_pages_have_no_feed_of_their_own(built_site):
    for folder in ("themes", "regions", "ratings", "characteristics"):
        assert not list((built_site / folder).rglob("feed.xml"))
        page = next((built_site / folder).glob("*/index.html"))
        assert 'href="feed.xml"' not in page.read_text(encoding="utf-8")


def test_the_feeds_sit_only_where_their_pages_are(built_site: Path):
    feeds = {p.relative_to(built_site).as_posix() for p in built_site.rglob("feed.xml")}
    expected = {"feed.xml"} | {
        f"{folder}/{term}/feed.xml" for folder, vocabulary, _ in FOLLOWED for term in taxonomy_ids(vocabulary)
    }
    assert feeds == expected
