"""Machine-readable pages (schema.org JSON-LD): every case study's block, parsed, against its YAML
file read here with PyYAML; the Open data page's Dataset against the files it lists; and hostile
text that reaches the blocks neither as markup nor as broken JSON."""

from __future__ import annotations

import copy
import json
import re

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.model import CaseStudy
from generator.render.site import SiteRenderer
from generator.render.urls import case_study_page
from tests.conftest import REPO
from tests.unit.model.test_impact_evidence import expected_impact
from tests.unit.render.test_outcome_styles import EVERY_FIELD, SCHEMA_TEXT

BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
TAXONOMY = yaml.safe_load((REPO / "schema" / "taxonomy.yaml").read_text(encoding="utf-8"))
LABEL = {name: {t["id"]: t["label"] for t in terms} for name, terms in TAXONOMY.items() if isinstance(terms, list)}


def blocks(html: str) -> list[dict]:
    return [json.loads(text) for text in BLOCK.findall(html)]


def test_every_case_study_describes_itself_as_its_file_does(built_site):
    for path in sorted((REPO / "practice").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        html = (built_site / "practice" / data["id"] / "index.html").read_text(encoding="utf-8")
        [block] = blocks(html)
        assert block["@context"] == "https://schema.org"
        report, *reviews = block["@graph"]
        assert report["@type"] == "Report" and [r["@type"] for r in reviews] == ["Review", "Review"]
        # The editors judge the practice's evidence, not the report: each review is of the practice.
        assert all(
            r["itemReviewed"]["name"] == data["title"] and r["isBasedOn"] == {"@id": report["@id"]} for r in reviews
        )
        assert report["name"] == data["title"] and report["headline"] == data["headline"]
        assert report["spatialCoverage"]["name"] == data["locality"]
        assert report["spatialCoverage"]["containedInPlace"]["name"] == LABEL["regions"][data["region"]]
        assert report["datePublished"] == str(data["published"]) and report["dateModified"] == str(
            data["last_reviewed"]
        )
        end = ".." if data["period"]["end"] == "ongoing" else str(data["period"]["end"])
        assert report["temporalCoverage"] == f"{data['period']['start']}/{end}"
        rating, impact = (review["reviewRating"] for review in reviews)
        ratings = [t["label"] for t in TAXONOMY["ratings"]]
        assert rating == {
            "@type": "Rating",
            "ratingValue": LABEL["ratings"][data["evidence"]["rating"]],
            "bestRating": ratings[0],
            "worstRating": ratings[-1],
        }
        impact = impact["ratingValue"]
        design = expected_impact(data["outcomes"], data["sources"])
        assert impact == ("None held" if design == "none" else LABEL["designs"][design])
        assert [work["name"] for work in report["citation"]] == [s["title"] for s in data["sources"]]
        assert [work.get("url") for work in report["citation"]] == [s.get("url") for s in data["sources"]]
        assert report["url"] == "./"  # no site address configured: the page itself


def test_the_open_data_page_describes_the_dataset_and_its_files(built_site):
    page = built_site / "data" / "index.html"
    [dataset] = blocks(page.read_text(encoding="utf-8"))
    assert dataset["@type"] == "Dataset" and dataset["license"].startswith("https://")
    urls = [d["contentUrl"] for d in dataset["distribution"]]
    assert {"case-studies.csv", "case-studies.json", "datapackage.json"} <= set(urls)
    for url in urls:
        assert (page.parent / url).is_file(), url


HOSTILE = st.one_of(
    st.sampled_from(["</script><script>alert(1)</script>", "<!--", "]]>", '"}', "\u2028\u2029", "&lt;", "\\u003c"]),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=80),
).filter(lambda text: text.strip())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=HOSTILE, locality=HOSTILE, source=HOSTILE)
def test_hostile_text_stays_data(taxonomy, title, locality, source):
    data = copy.deepcopy(EVERY_FIELD)
    data["title"], data["locality"], data["sources"][0]["title"] = title, locality, source
    case_study = CaseStudy.from_data(json.loads(json.dumps(data)), "practice/every-field.yaml")
    html = SiteRenderer(taxonomy).pages([case_study], SCHEMA_TEXT)[case_study_page(case_study.id)].body().html
    [block] = blocks(html)  # one block, closed where it should be
    report = block["@graph"][0]
    assert report["name"] == title and report["spatialCoverage"]["name"] == locality
    assert report["citation"][0]["name"] == source
    raw = BLOCK.search(html).group(1)
    assert "<" not in raw and ">" not in raw and "&" not in raw


def test_the_block_is_in_every_case_study_page(built_site):
    pages = list((built_site / "practice").glob("*/index.html"))
    assert pages and all(len(blocks(p.read_text(encoding="utf-8"))) == 1 for p in pages)
