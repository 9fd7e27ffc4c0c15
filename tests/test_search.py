"""Search: every case study is findable by the fields people search by, exactly once."""

from __future__ import annotations

import gzip
import json

from generator.render.urls import case_study_page, page_url
from generator.search.records import search_record

FRAGMENT_PREFIX = b"pagefind_dcd"


def test_record_holds_what_people_search_by(shipped, taxonomy):
    for case_study in shipped.case_studies:
        record = search_record(case_study, taxonomy)
        assert record.url == page_url(case_study_page(case_study.id))
        for text in (case_study.title, case_study.locality, taxonomy.regions[case_study.region].label):
            assert text in record.content
        assert " ".join(case_study.summary.split()).rstrip(".") in record.content
        for theme in case_study.themes:
            assert taxonomy.themes[theme].label in record.content
        for characteristic in case_study.characteristics:
            assert taxonomy.characteristics[characteristic].label in record.content
        assert record.meta["title"] == case_study.title


def indexed_pages(site):
    pages = []
    for fragment in sorted((site / "pagefind" / "fragment").iterdir()):
        raw = gzip.decompress(fragment.read_bytes())
        assert raw.startswith(FRAGMENT_PREFIX)
        pages.append(json.loads(raw[len(FRAGMENT_PREFIX) :]))
    return pages


def test_every_case_study_is_in_the_search_index_exactly_once(built_site, shipped):
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == len(shipped.case_studies)
    urls = sorted(page["url"] for page in indexed_pages(built_site))
    assert urls == sorted(f"practice/{c.id}/" for c in shipped.case_studies)
    for page in indexed_pages(built_site):
        assert (built_site / page["url"] / "index.html").is_file()


def test_every_page_carries_the_search_box(built_site):
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if path.name == "404.html":
            continue
        assert html.count("data-practice-search") == 1, path
        assert "pagefind/pagefind-ui.js" in html and "assets/search.js" in html, path
    assert not (built_site / "search" / "search_index.json").exists(), "Material's whole-site index is not built"
