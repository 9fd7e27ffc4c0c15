"""Search: every case study is findable by the fields people search by, exactly once."""

from __future__ import annotations

import gzip
import json

from generator.render.urls import case_study_page, page_url
from generator.search.records import search_record
from tests.conftest import REPO

FRAGMENT_PREFIX = b"pagefind_dcd"


def test_record_holds_what_people_search_by(shipped, taxonomy):
    for case_study in shipped.case_studies:
        record = search_record(case_study, taxonomy)
        assert record.url == page_url(case_study_page(case_study.id))
        assert (record.title, record.locality) == (case_study.title, case_study.locality)
        assert record.rating == taxonomy.ratings[case_study.evidence.rating].label
        assert taxonomy.regions[case_study.region].label in record.text
        assert " ".join(case_study.summary.split()).rstrip(".") in record.text
        for theme in case_study.themes:
            assert taxonomy.themes[theme].label in record.text
        for characteristic in case_study.characteristics:
            assert taxonomy.characteristics[characteristic].label in record.text
        assert " ".join(case_study.headline.split()).rstrip(".") in record.text
        for outcome in case_study.outcomes:
            assert taxonomy.outcome_domains[outcome.domain].label in record.text
        if case_study.model:
            assert taxonomy.models[case_study.model.id].label in record.text


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
    pages = {page["url"]: page for page in indexed_pages(built_site)}
    assert sorted(pages) == sorted(f"/practice/{c.id}/" for c in shipped.case_studies)
    for case_study in shipped.case_studies:
        page = pages[f"/practice/{case_study.id}/"]
        assert page["meta"]["title"] == case_study.title
        assert page["meta"]["locality"] == case_study.locality
        assert " ".join(case_study.summary.split()).rstrip(".") in page["content"]
        assert (built_site / "practice" / case_study.id / "index.html").is_file()


def test_every_page_carries_the_search_box(built_site):
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if path.name == "404.html":
            continue
        assert html.count("data-practice-search") == 1, path
        assert "assets/search.js" in html, path
    assert not (built_site / "search" / "search_index.json").exists(), "Material's whole-site index is not built"


def test_rewriting_the_index_leaves_nothing_stale(tmp_path, shipped, taxonomy):
    from generator.search.pagefind_index import pagefind_executable, write_search_index
    from generator.search.records import search_records

    records = search_records(shipped.case_studies, taxonomy)
    bundle = tmp_path / "pagefind"
    pagefind = pagefind_executable(REPO)
    write_search_index(records, bundle, pagefind)
    write_search_index(records[:2], bundle, pagefind)
    assert len(list((bundle / "fragment").iterdir())) == 2
    assert len(list(bundle.glob("*.pf_meta"))) == 1


def test_synonyms_are_indexed_for_the_case_studies_that_use_their_words(built_site, shipped):
    """schema/synonyms.yaml: a case study saying "domestic abuse" is found by "domestic
    violence", and the Family Intervention Projects by "FIP" (checked in the built index)."""
    pages = {page["url"]: page for page in indexed_pages(built_site)}
    herts = pages["/practice/hertfordshire-family-safeguarding/"]["content"]
    assert "domestic abuse" in herts and "domestic violence" in herts
    north_yorkshire = pages["/practice/north-yorkshire-no-wrong-door/"]["content"]
    assert "accident and emergency" in north_yorkshire and "A&E" in north_yorkshire
    wakefield = pages["/practice/wakefield-early-intervention-centre/"]["content"]
    assert "domestic violence" not in wakefield  # only where the words are used
