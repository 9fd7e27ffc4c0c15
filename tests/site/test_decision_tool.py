"""What a commissioner needs at a glance, checked against the YAML files themselves (read
here with PyYAML, not through the generator's model): cards, the "At a glance" panel, outcome
and model pages, the standards shown beside each rating, and the pages for readers."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO
from tests.support.site_html import elements_with_class, read_page

TAXONOMY = yaml.safe_load((REPO / "schema" / "taxonomy.yaml").read_text(encoding="utf-8"))
LABEL = {name: {t["id"]: t["label"] for t in terms} for name, terms in TAXONOMY.items()}


def collection() -> dict[str, dict]:
    return {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((REPO / "practice").glob("*.yaml"))
    }


def html_of(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def words(text: str) -> str:
    return " ".join(text.split())


# What a reader is told each kind of amount is, and which kind leads: the words.
COST_KEY = {
    "per-family": "Cost per family",
    "per-child": "Cost per child",
    "per-year": "Cost a year",
    "total": "Total cost or funding",
    "per-pound-spent": "Return on each pound spent",
}


def lead_cost(data: dict) -> dict | None:
    costs = data.get("costs", [])
    return min(costs, key=lambda c: list(COST_KEY).index(c["covers"])) if costs else None


def amount_words(cost: dict) -> str:
    if "amount" in cost:
        return f"£{cost['amount']:,.0f}"
    return f"£{cost['amount_range']['low']:,.0f} to £{cost['amount_range']['high']:,.0f}"


def cost_key(cost: dict) -> str:
    """The label before a cost: "Cost" where its unit starts by saying what it covers ("total",
    "per ..."), else the kind."""
    first = " ".join(cost["unit"].split()).split(" ", 1)[0].lower().rstrip(",;:")
    return "Cost" if first in ("total", "per") else COST_KEY[cost["covers"]]


def cost_words(data: dict) -> str:
    """How a card states cost, worked out from the YAML: the cost per family or child where
    there is one, else a year's, else a total, labelled with its kind; or 'not reported'."""
    lead = lead_cost(data)
    if lead is None:
        return "Cost: not reported"
    others = len(data["costs"]) - 1
    more = f" ({others} more {'cost' if others == 1 else 'costs'} on its page)" if others else ""
    return f"{cost_key(lead)}: {amount_words(lead)} {words(lead['unit'])}{more}"


def test_every_card_shows_headline_rating_cost_and_ages(built_site):
    data = collection()
    cards = elements_with_class(html_of(built_site, "finder"), "case-study-card")
    assert len(cards) == len(data)
    by_id = {c.links[0].split("/")[-2]: c for c in cards}
    for case_id, case in data.items():
        text = by_id[case_id].text
        assert words(case["headline"]) in text
        assert LABEL["ratings"][case["evidence"]["rating"]] in text
        assert cost_words(case) in text
        shorts = {t["id"]: t.get("short", t["label"]) for t in TAXONOMY["age_groups"]}
        assert "Ages: " + ", ".join(shorts[a] for a in case["audience"]["age_groups"]) in text


def test_at_a_glance_comes_first_and_answers_the_commissioners_questions(built_site):
    data = collection()
    for case_id, case in data.items():
        html = html_of(built_site, f"practice/{case_id}")
        [glance] = elements_with_class(html, "at-a-glance")
        assert html.index("at-a-glance") < html.index('id="about-the-practice"')
        assert words(case["headline"]) in glance.text
        assert LABEL["ratings"][case["evidence"]["rating"]] in glance.text
        for basis in case["evidence"]["basis"]:
            assert LABEL["evidence_bases"][basis].lower() in glance.text
        lead = lead_cost(case)
        if lead is None:
            assert "Cost Not reported by the sources" in glance.text
        else:
            year = f"in {lead['price_year']} prices" if "price_year" in lead else "price year not recorded"
            stated = f"{cost_key(lead)} {amount_words(lead)} {words(lead['unit'])} ({year})."
            assert stated in glance.text, case_id
            assert (f"All {len(case['costs'])} costs" in glance.text) == (len(case["costs"]) > 1)
        for age in case["audience"]["age_groups"]:
            assert LABEL["age_groups"][age] in glance.text
        model = case.get("model")
        if model:
            others = sorted(
                other["title"]
                for other_id, other in data.items()
                if other.get("model", {}).get("id") == model["id"] and other_id != case_id
            )
            assert f"../../models/{model['id']}/" in glance.links
            for title in others:
                assert title in glance.text
        else:
            assert "Model" not in glance.text


STATEMENT = re.compile(r'<div class="case-study-card__statement"><strong>([^<]+):</strong><ul>(.*?)</ul></div>', re.S)
PHRASE = {name: {t["id"]: t["in_sentence"] for t in TAXONOMY[name]} for name in ("designs", "directions")}


@pytest.mark.parametrize("domain", [t["id"] for t in TAXONOMY["outcome_domains"]])
def test_each_outcome_page_lists_what_changed_there(built_site, domain):
    """Each card lists the case study's outcomes in that area, and only those, each as one
    sentence: results under "What changed", with what the figures showed and how they were
    measured, and counts under "Reach and activity", apart from them; each names its measure
    and for whom, as the file writes them."""
    data = collection()
    html = html_of(built_site, f"outcomes/{domain}")
    cards = elements_with_class(html, "case-study-card")
    expected = {i for i, c in data.items() if any(o["domain"] == domain for o in c["outcomes"])}
    assert {card.links[0].split("/")[-2] for card in cards} == expected
    for chunk in html.split('<li class="case-study-card"')[1:]:
        case = data[re.search(r'data-case-study="([^"]+)"', chunk).group(1)]
        listed = {
            label: [
                words(unescape(re.sub(r"<[^>]+>", "", item))) for item in re.findall(r"<li>(.*?)</li>", items, re.S)
            ]
            for label, items in STATEMENT.findall(chunk)
        }
        assert set(listed) <= {"What changed", "Reach and activity"}
        here = [o for o in case["outcomes"] if o["domain"] == domain]
        for label, chosen in (
            ("What changed", [o for o in here if o["design"] != "count"]),
            ("Reach and activity", [o for o in here if o["design"] == "count"]),
        ):
            sentences = listed.get(label, [])
            assert len(sentences) == len(chosen), (case["id"], label)
            for outcome, sentence in zip(chosen, sentences, strict=True):
                # The measure, then for whom in brackets, each exactly as the file writes it.
                opening = f"{words(outcome['measure']).rstrip('.')} ({words(outcome['for_whom']).rstrip('.')})"
                assert sentence.startswith(opening), sentence
                assert sentence.endswith(".")
                if label == "What changed":
                    verdict = f"{opening}: {PHRASE['directions'][outcome['direction']]}, "
                    assert sentence.startswith(verdict + PHRASE["designs"][outcome["design"]]), sentence
    if not expected:
        page = read_page(built_site / "outcomes" / domain / "index.html")
        assert "Nobody has documented practice here yet" in page.text


@pytest.mark.parametrize("model", [t["id"] for t in TAXONOMY["models"]])
def test_each_model_page_sets_originator_and_adopters_side_by_side(built_site, model):
    data = collection()
    html = html_of(built_site, f"models/{model}")
    term = next(t for t in TAXONOMY["models"] if t["id"] == model)
    text = read_page(built_site / "models" / model / "index.html").text
    members = {i: c for i, c in data.items() if c.get("model", {}).get("id") == model}
    if term.get("originator"):
        assert f"Developed by {term['originator']}" in text
    else:
        assert "Who first developed it is not recorded in the sources held." in text
    adopted_here = [c for c in members.values() if c["model"]["role"] == "adopted"]
    assert adopted_here or term.get("adopters"), "every model page lists its adopters"
    if term.get("adopters"):
        assert "Adopted elsewhere, as the sources report" in html
        assert f"¶ {words(term['adopters'])} The case studies" in text
    rows = html.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:] if members else []
    order = {"originated": 0, "programme": 1, "adopted": 2}
    expected = sorted(members, key=lambda i: (order[members[i]["model"]["role"]], members[i]["period"]["start"]))
    assert [row.split('href="../../practice/')[1].split("/")[0] for row in rows] == expected
    role_words = {"originated": "Developed it", "programme": "National programme", "adopted": "Adopted it"}
    for row, case_id in zip(rows, expected, strict=True):
        case = members[case_id]
        assert role_words[case["model"]["role"]] in row
        assert f'data-label="Since">{case["period"]["start"]}</td>' in row
        assert LABEL["ratings"][case["evidence"]["rating"]] in row
        # Adopters' costs side by side, each labelled with what it covers.
        cost = words(unescape(re.sub(r"<[^>]+>", "", row.split('data-label="Cost">', 1)[1].split("</td>", 1)[0])))
        lead = lead_cost(case)
        if lead is None:
            assert cost == "Not reported"
        else:
            assert cost.startswith(f"{cost_key(lead)}: {amount_words(lead)} {words(lead['unit'])}"), cost
            assert cost.endswith(f"all {len(case['costs'])} costs") == (len(case["costs"]) > 1)
    for case_id in members:  # linked both ways
        assert f"../../models/{model}/" in read_page(built_site / "practice" / case_id / "index.html").links


def test_about_the_evidence_lists_what_each_rating_requires(built_site):
    text = read_page(built_site / "about" / "evidence" / "index.html").text
    for rating in TAXONOMY["ratings"]:
        assert words(rating["description"]) in text
        assert words(rating["guidance"]) not in text  # editors' guidance is on the editors' page
        for basis in rating.get("requires", {}).get("basis_any_of", []):
            assert LABEL["evidence_bases"][basis] in text
    assert "a cited evaluation report" in text
    guide = read_page(built_site / "editors" / "index.html").text
    for rating in TAXONOMY["ratings"]:
        assert words(rating["guidance"]) in guide


def test_readers_find_the_glossary_and_editors_find_their_pages(built_site):
    glossary = read_page(built_site / "about" / "glossary" / "index.html").text
    for entry in TAXONOMY["glossary"]:
        assert f"{entry['label']} {words(entry['description'])}" in glossary
    home = read_page(built_site / "index.html")
    for item in ("Outcomes", "Practice models", "Glossary", "Editors' guide"):
        assert item in home.text  # in the menu
    assert "about/glossary/#c4eo" in home.links  # C4EO explained where it is first named


def test_home_has_one_clear_first_action_and_outcomes_with_counts(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    [actions] = elements_with_class(html, "home-actions")
    assert actions.links[0] == "finder/" and "Find practice" in actions.text
    data = collection()
    counts = elements_with_class(html, "outcome-counts")[0].text
    for domain in TAXONOMY["outcome_domains"]:
        n = sum(any(o["domain"] == domain["id"] for o in c["outcomes"]) for c in data.values())
        shown = "none yet" if n == 0 else f"{n} case {'study' if n == 1 else 'studies'}"
        assert f"{domain['label']} {shown}" in counts


def test_the_404_page_offers_search_and_ways_on(built_site):
    page = read_page(built_site / "404.html")
    assert page.h1 == ["Page not found"]
    for target in ("finder/", "outcomes/", "models/", "gap-map/"):
        assert any(link.endswith("/" + target) for link in page.links), target
    assert "data-practice-search" in (built_site / "404.html").read_text(encoding="utf-8")


def test_a_large_model_names_five_others_and_counts_the_rest(shipped, taxonomy):
    """Each page names at most five other case studies of its model: naming every one made
    pages grow with the model (a 1.9 GB site at 10,000 copies of one model)."""
    from dataclasses import replace

    from generator.render.site import SiteRenderer
    from generator.render.urls import case_study_page

    herts = next(c for c in shipped.case_studies if c.id == "hertfordshire-family-safeguarding")
    copies = [replace(herts, id=f"copy-{n:02}", title=f"Copy {n:02}") for n in range(12)]
    pages = SiteRenderer(taxonomy).render(copies, "{}")
    [glance] = elements_with_class(pages[case_study_page("copy-00")].html, "at-a-glance")
    named = [t for t in (f"Copy {n:02}" for n in range(1, 12)) if t in glance.text]
    assert named == ["Copy 01", "Copy 02", "Copy 03", "Copy 04", "Copy 05"]
    assert "and 6 more on the Family Safeguarding page" in glance.text
    assert "Copy 00" not in glance.text  # never itself


def test_a_case_study_sets_reach_and_activity_apart_from_results(built_site):
    """On each case study's page, "Results" lists the outcomes whose figures can show a change and
    "Reach and activity" the counts, each under its measure, with its sentence first (for whom,
    what the figures showed, how they were measured) and the source's words after."""
    for case_id, case in collection().items():
        html = html_of(built_site, f"practice/{case_id}")
        results = html.split('<h2 id="results">', 1)[1].split("<h2 ", 1)[0]
        reach = (
            html.split('<h2 id="reach-and-activity">', 1)[1].split("<h2 ", 1)[0] if "reach-and-activity" in html else ""
        )
        for section, chosen in (
            (results, [o for o in case["outcomes"] if o["design"] != "count"]),
            (reach, [o for o in case["outcomes"] if o["design"] == "count"]),
        ):
            items = re.findall(
                r'<h3 class="outcome__measure">(.*?)</h3>\s*<p class="outcome__sentence">(.*?)</p>\s*'
                r'<p class="outcome__change">(.*?)</p>',
                section,
                re.S,
            )
            assert [words(unescape(measure)) for measure, _, _ in items] == [words(o["measure"]) for o in chosen]
            for (_, sentence, change), outcome in zip(items, chosen, strict=True):
                text = words(unescape(re.sub(r"<[^>]+>", "", sentence)))
                whom = words(outcome["for_whom"]).rstrip(".")
                assert text.startswith(whom), text  # for whom opens the sentence, as written
                if outcome["design"] == "count":
                    assert "direction" not in sentence
                else:
                    phrase = PHRASE["directions"][outcome["direction"]]
                    assert text.startswith(f"{whom}: {phrase}, {PHRASE['designs'][outcome['design']]}"), text
                    assert f'class="direction direction--{outcome["direction"]}">{phrase}</span>' in sentence
                quoted = words(unescape(re.sub(r"<[^>]+>", "", change)))
                assert quoted.startswith(f"In the source's words: “{words(outcome['change']['as_reported'])}”")
        if not [o for o in case["outcomes"] if o["design"] != "count"]:
            assert "No results reported yet" in results
