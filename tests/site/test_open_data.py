"""Open data and related practice, checked against the collection."""

from __future__ import annotations

import csv
import io
import json
import random
import re
import subprocess
from collections import Counter
from dataclasses import replace

import feedparser
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft7Validator, FormatChecker

from generator.model import CaseStudy, to_data
from generator.render.open_data import csv_export
from generator.render.related import RelatedPractice
from tests.conftest import REPO
from tests.support.site_html import elements_with_class, read_page
from tests.unit.model.test_impact_evidence import expected_impact


def test_the_published_json_is_valid_against_the_published_schema_for_ajv_too(built_site, tmp_path):
    """Readers' tools in the browser's language check it with Ajv, which shares no code with
    Python's jsonschema (the test below) or with the validator's jsonschema-rs."""
    items = json.loads((built_site / "data" / "case-studies.json").read_text(encoding="utf-8"))
    examples = tmp_path / "items.json"
    examples.write_text(json.dumps({item["id"]: item for item in items}), encoding="utf-8")
    done = subprocess.run(
        [
            "node",
            str(REPO / "tests" / "support" / "ajv_verdicts.cjs"),
            str(built_site / "data" / "case-study.schema.json"),
            str(examples),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=REPO,
    )
    verdicts = json.loads(done.stdout)
    assert len(verdicts) == len(items) > 0
    assert all(verdicts.values()), [name for name, valid in verdicts.items() if not valid]


def test_json_export_validates_and_round_trips(built_site, shipped):
    schema = json.loads((built_site / "data" / "case-study.schema.json").read_text(encoding="utf-8"))
    validator = Draft7Validator(schema, format_checker=FormatChecker(["date"]))
    items = json.loads((built_site / "data" / "case-studies.json").read_text(encoding="utf-8"))
    assert [item["id"] for item in items] == sorted(c.id for c in shipped.case_studies)
    by_id = {c.id: c for c in shipped.case_studies}
    for item in items:
        assert list(validator.iter_errors(item)) == []
        assert CaseStudy.from_data(item, by_id[item["id"]].source_file) == by_id[item["id"]]


def test_published_schema_is_the_repository_schema(built_site):
    published = (built_site / "data" / "case-study.schema.json").read_text(encoding="utf-8")
    assert published == (REPO / "schema" / "case-study.schema.json").read_text(encoding="utf-8")


def test_csv_has_one_row_per_case_study(built_site, shipped, taxonomy):
    text = (built_site / "data" / "case-studies.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted(row["id"] for row in rows) == sorted(c.id for c in shipped.case_studies)
    for row in rows:
        case_study = next(c for c in shipped.case_studies if c.id == row["id"])
        assert row["title"] == case_study.title
        assert row["rating"] == taxonomy.ratings[case_study.evidence.rating].label
        assert row["themes"].split("; ") == [taxonomy.themes[t].label for t in case_study.themes]
        assert (built_site / row["url"] / "index.html").is_file()
        assert row["headline"] == " ".join(case_study.headline.split())
        domains = {taxonomy.outcome_domains[o.domain].label for o in case_study.outcomes}
        assert set(filter(None, row["outcome_domains"].split("; "))) == domains
        assert row["model"] == (taxonomy.models[case_study.model.id].label if case_study.model else "")
        assert row["contact_organisation"] == (case_study.contact.organisation if case_study.contact else "")
        impact = expected_impact([to_data(case_study)["outcomes"]][0], to_data(case_study)["sources"])
        assert row["impact_evidence"] == ("None held" if impact == "none" else taxonomy.designs[impact].label)
        not_improved = [o.measure for o in case_study.outcomes if o.direction in ("no-clear-change", "worse", "mixed")]
        assert [part.rsplit(": ", 1)[0] for part in filter(None, row["results_not_improved"].split("; "))] == [
            " ".join(m.split()) for m in not_improved
        ]
        # The cost column holds the leading cost (per family or child first), never a count of
        # others; its kind and price year are columns of their own.
        kinds = ("per-family", "per-child", "per-year", "total", "per-pound-spent")
        lead = min(case_study.costs, key=lambda m: kinds.index(m.covers), default=None)
        assert row["cost_covers"] == (lead.covers if lead else "")
        assert row["cost_price_year"] == (str(lead.price_year or "") if lead else "")
        assert (lead is None) == (row["cost"] == "") and "more" not in row["cost"]
        if lead:
            assert row["cost"].endswith(" ".join(lead.unit.split()))
    assert list(rows[0])[-11:] == [  # new columns come last, so existing readers keep working
        "headline",
        "outcome_domains",
        "model",
        "model_role",
        "cost",
        "contact_organisation",
        "contact_url",
        "impact_evidence",
        "results_not_improved",
        "cost_covers",
        "cost_price_year",
    ]


def test_the_json_carries_impact_evidence_worked_out_from_the_outcomes(built_site):
    """Read straight from the published JSON, by the definition's plain reading: a reader can
    check the figure the site shows from the data it publishes."""
    items = json.loads((built_site / "data" / "case-studies.json").read_text(encoding="utf-8"))
    for item in items:
        assert item["impact_evidence"] == expected_impact(item["outcomes"], item["sources"]), item["id"]
    assert list(items[0]).index("impact_evidence") == list(items[0]).index("evidence") + 1


def test_csv_cells_cannot_become_spreadsheet_formulas(shipped, taxonomy):
    hostile = replace(shipped.case_studies[0], title='=HYPERLINK("http://evil.example","x")', setting="@SUM(A1)")
    row = next(csv.DictReader(io.StringIO(csv_export([hostile], taxonomy))))
    assert row["title"] == "'" + hostile.title
    assert row["setting"] == "'@SUM(A1)"


FORMULA_STARTS = "=+-@\t\r"


def parts_a_spreadsheet_may_split(text: str) -> list[str]:
    """Every piece a spreadsheet splitting at ";" or "," (whatever the quoting) makes a cell of."""
    return [part.lstrip(" ") for part in re.split("[;,]", text)]


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from("=+-@;, \taA1()\"'"), max_size=30))
def test_no_part_of_a_csv_cell_can_become_a_formula(shipped, taxonomy, text):
    hostile = replace(shipped.case_studies[0], title=text or "x", setting=f"Probe;{text}", partners=(text, "=1+1"))
    row = next(csv.DictReader(io.StringIO(csv_export([hostile], taxonomy))))
    for column in ("title", "setting", "partners"):
        for part in parts_a_spreadsheet_may_split(row[column]):
            assert not part.startswith(tuple(FORMULA_STARTS)), (column, row[column])
        # Only a "'" before each formula character is added: taking them out gives the text back.
        assert re.sub(r"'(?=[=+\-@])", "", row[column]) == re.sub(
            r"'(?=[=+\-@])",
            "",
            " ".join(str(getattr(hostile, column) if column != "partners" else "; ".join(hostile.partners)).split()),
        )


def test_a_formula_after_a_semicolon_is_neutralised(shipped, taxonomy):
    hostile = replace(shipped.case_studies[0], setting="Probe;=1+1", partners=("Police", "-2+3"))
    row = next(csv.DictReader(io.StringIO(csv_export([hostile], taxonomy))))
    assert row["setting"] == "Probe;'=1+1"  # spreadsheets splitting at ";" ran =1+1
    assert row["partners"] == "Police; '-2+3"
    quoted = replace(shipped.case_studies[0], setting='Family homes;"=HYPERLINK(""https://evil.example/"",""Open"")"')
    row = next(csv.DictReader(io.StringIO(csv_export([quoted], taxonomy))))
    assert row["setting"].startswith("Family homes;\"'=HYPERLINK(")  # a '"' opened a quoted cell before the =


def test_atom_feed_is_valid_and_lists_every_case_study(built_site, shipped):
    feed = feedparser.parse((built_site / "feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert len(feed.entries) == len(shipped.case_studies)
    titles = {entry.title for entry in feed.entries}
    assert titles == {c.title for c in shipped.case_studies}
    for entry in feed.entries:
        assert entry.id.startswith("tag:")
        assert entry.updated and entry.published
        assert (built_site / entry.link / "index.html").is_file()
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml"' in home and 'href="feed.xml"' in home


def test_open_data_page_links_every_download(built_site):
    page = read_page(built_site / "data" / "index.html")
    for name in ("case-studies.json", "case-studies.csv", "case-study.schema.json", "../feed.xml"):
        assert name in page.links


def test_related_practice_is_three_most_similar_never_itself(built_site, shipped):
    def shared(a, b):
        return len(set(a.characteristics) & set(b.characteristics)) + len(set(a.themes) & set(b.themes))

    for case_study in shipped.case_studies:
        page = read_page(built_site / "practice" / case_study.id / "index.html")
        related = page.cards
        assert len(related) == 3
        assert case_study.id not in related
        listed = [c for c in shipped.case_studies if c.id in related]
        unlisted = [c for c in shipped.case_studies if c.id not in related and c.id != case_study.id]
        assert min(shared(case_study, c) for c in listed) >= max(shared(case_study, c) for c in unlisted)


def most_similar_by_comparing_all(case_study, case_studies, taxonomy):
    """The definition of related practice, spelled out: compare with every other one."""

    def key(other):
        shared = len(set(other.characteristics) & set(case_study.characteristics))
        shared += len(set(other.themes) & set(case_study.themes))
        return (
            -shared,
            -(other.region == case_study.region),
            taxonomy.ratings.rank(other.evidence.rating),
            other.title,
            other.id,
        )

    return sorted((o for o in case_studies if o.id != case_study.id), key=key)[:3]


def varied_collection(shipped, taxonomy, count: int, seed: int):
    """`count` case studies with random tags, regions, ratings and (often equal) titles."""
    rng = random.Random(seed)
    made = []
    for number in range(count):
        base = shipped.case_studies[number % len(shipped.case_studies)]
        characteristics = rng.sample(taxonomy.characteristics.ids, rng.randint(1, 3))
        made.append(
            replace(
                base,
                id=f"case-{number:04d}",
                title=f"Practice {rng.randint(0, count // 4)}",  # ties on title are common
                region=rng.choice(taxonomy.regions.ids[:3]),
                themes=tuple(rng.sample(taxonomy.themes.ids, rng.randint(1, 3))),
                characteristics={c: "statement" for c in characteristics},
                evidence=replace(base.evidence, rating=rng.choice(taxonomy.ratings.ids)),
            )
        )
    return made


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_related_practice_equals_comparing_every_pair(shipped, taxonomy, seed):
    case_studies = varied_collection(shipped, taxonomy, 400, seed)
    find_related = RelatedPractice(case_studies, taxonomy)
    for case_study in case_studies:
        assert find_related(case_study) == most_similar_by_comparing_all(case_study, case_studies, taxonomy)


def test_related_practice_in_a_tiny_collection(shipped, taxonomy):
    two = shipped.case_studies[:2]
    assert RelatedPractice(two, taxonomy)(two[0]) == [two[1]]
    assert RelatedPractice(two[:1], taxonomy)(two[0]) == []
    for case_study in shipped.case_studies:
        expected = most_similar_by_comparing_all(case_study, shipped.case_studies, taxonomy)
        assert RelatedPractice(shipped.case_studies, taxonomy)(case_study) == expected


def test_the_home_page_counts_impact_evidence_from_the_data(built_site):
    """Each count on the home page equals the number of published items with that impact
    evidence, recomputed from the JSON by the definition's plain reading."""
    items = json.loads((built_site / "data" / "case-studies.json").read_text(encoding="utf-8"))
    home = (built_site / "index.html").read_text(encoding="utf-8")
    for design in {expected_impact(i["outcomes"], i["sources"]) for i in items}:
        count = sum(expected_impact(i["outcomes"], i["sources"]) == design for i in items)
        noun = "case study" if count == 1 else "case studies"
        assert f'<a href="finder/?impact={design}">{count} {noun}</a>' in home, design
    not_improved = sum(
        any(o["direction"] in ("no-clear-change", "worse", "mixed") for o in i["outcomes"]) for i in items
    )
    assert f'?results=did-not-improve">{not_improved} case stud' in home


def test_about_the_evidence_counts_the_collection_and_says_what_is_missing(built_site, taxonomy):
    """The table on About the evidence equals the published items counted by rating and impact
    evidence (each count a link to the finder); the list of what is missing names exactly the
    outcome areas, themes and regions the data lacks, worked out here from the JSON."""
    items = json.loads((built_site / "data" / "case-studies.json").read_text(encoding="utf-8"))
    about = (built_site / "about" / "evidence" / "index.html").read_text(encoding="utf-8")
    pairs = Counter((i["evidence"]["rating"], expected_impact(i["outcomes"], i["sources"])) for i in items)
    impact_ids = [*taxonomy.designs.ids, "none"]
    for rating in taxonomy.ratings.ids:
        for impact in impact_ids:
            link = f'?rating={rating}&amp;impact={impact}">{pairs[(rating, impact)]}<span'
            assert (link in about) == bool(pairs[(rating, impact)]), (rating, impact)
    [table] = elements_with_class(about, "coverage-table")
    totals = [sum(n for (_, impact), n in pairs.items() if impact == i) for i in impact_ids]
    assert table.text.endswith("All " + " ".join(map(str, [*totals, len(items)])))

    # What is missing, by the definitions read plainly: an area of change (not a count of
    # activity) lacks an improvement when none of its outcomes counts as impact evidence, and
    # lacks a comparison when none does in a design the top rating accepts.
    def labels(vocabulary, ids):
        return "; ".join(term.label for term in vocabulary.terms if term.id in ids)

    compared = taxonomy.ratings.terms[0].standard.outcome.design_any_of
    changes = {t.id for t in taxonomy.outcome_domains.terms if t.kind != "output"}
    designs = {}  # domain -> designs of its outcomes that count as an improvement
    for item in items:
        for outcome in item["outcomes"]:
            design = expected_impact([outcome], item["sources"], outcome["domain"])
            designs.setdefault(outcome["domain"], set()).update({design} - {"count", "none"})
    reported = {o["domain"] for i in items for o in i["outcomes"]}
    without_comparison = {d for d in changes if not designs.get(d, set()) & set(compared)}
    without_improvement = {d for d in changes & reported if not designs.get(d)}
    missing_themes = set(taxonomy.themes.ids) - {t for i in items for t in i["themes"]}
    missing_regions = set(taxonomy.regions.ids) - {i["region"] for i in items}
    block = about.split('<ul class="coverage-gaps">', 1)[1].split("</ul>", 1)[0]
    bullets = [" ".join(re.sub(r"<[^>]+>", "", li).split()) for li in block.split("<li>")[1:]]
    comparison_words = " or ".join(t.label.lower() for t in taxonomy.designs.terms if t.id in compared)
    unreported = set(taxonomy.outcome_domains.ids) - reported

    def said(missing, vocabulary, missing_words, nothing_missing):
        return (
            missing_words.format(labels(vocabulary, missing))
            if missing
            else "Nothing in this respect: " + nothing_missing
        )

    domains = taxonomy.outcome_domains
    assert bullets == [
        said(
            without_comparison,
            domains,
            f"An improvement measured against a comparison ({comparison_words}) in: {{}}.",
            "every outcome area has a case study whose improvement was measured against a comparison.",
        ),
        said(
            without_improvement,
            domains,
            "Any improvement that counts as impact evidence in: {}. Outcomes are reported there, but none improved "
            "with figures that moved from a source held beyond its title page.",
            "every outcome area with outcomes reported has an improvement that counts as impact evidence.",
        ),
        said(
            unreported, domains, "Any outcome reported in: {}.", "every outcome area has a case study reporting on it."
        ),
        said(
            missing_themes,
            taxonomy.themes,
            ("A case study in the theme {}." if len(missing_themes) == 1 else "A case study in the themes {}."),
            "every theme has a case study.",
        ),
        said(missing_regions, taxonomy.regions, "A case study from {}.", "every region has a case study."),
    ]
    per_rating = Counter(i["evidence"]["rating"] for i in items)
    for rating in taxonomy.ratings.terms:
        row = about.split(f">{rating.label}</a></th>", 1)[1].split("</tr>", 1)[0]
        assert row.endswith(f"<td>{per_rating[rating.id]}</td>"), rating.id
    not_improved = sum(
        any(o["direction"] in ("no-clear-change", "worse", "mixed") for o in i["outcomes"]) for i in items
    )
    assert f'?results=did-not-improve">{not_improved} case studies report at least one result' in about
