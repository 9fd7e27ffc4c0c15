"""Each outcome's plain sentence (generator/render/outcome_sentence.py): worked examples read as
a person would write them, and on arbitrary text every sentence keeps the contributor's words
exactly (no letter's case changed), says what the figures showed only for a result, and puts
a count apart."""

from __future__ import annotations

import copy
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import CaseStudy
from generator.render.outcome_sentence import OutcomeSentences, is_reach
from tests.unit.render.test_outcome_styles import EVERY_FIELD

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=3, max_size=60).filter(
    lambda text: text.strip()
)


def case_study(outcomes: list[dict]) -> CaseStudy:
    data = copy.deepcopy(EVERY_FIELD)
    template = {k: v for k, v in data["outcomes"][0].items() if k not in ("baseline", "follow_up", "comparison")}
    template |= {"sample": None, "effect": None}
    data["outcomes"] = [{k: v for k, v in (template | o).items() if v is not None} for o in outcomes]
    return CaseStudy.from_data(json.loads(json.dumps(data)), "practice/every-field.yaml")


def sentences(taxonomy, outcomes: list[dict]) -> list[tuple[str, str]]:
    make = OutcomeSentences(taxonomy)
    return [(str(made), made.after_heading) for made in map(make, case_study(outcomes).outcomes)]


BEFORE_AND_AFTER = {
    "measure": "Children subject to a child protection plan",
    "for_whom": "Children in Leeds",
    "design": "before-and-after",
    "direction": "improved",
    "better": "lower",
    "baseline": {"value": 974, "when": "2011"},
    "follow_up": {"value": 515, "when": "2017"},
}


def test_worked_examples(taxonomy):
    trial = {
        "measure": "Children's core language skills",
        "for_whom": "Three-year-olds in 139 nursery settings",
        "design": "randomised-trial",
        "direction": "no-clear-change",
        "better": "higher",
        "comparison": {"value": 50, "when": "Not offered it"},
        "follow_up": {"value": 50, "when": "Offered it"},
    }
    reach = {
        "measure": "Families the teams worked with",
        "for_whom": "Families in Reading",
        "design": "count",
        "direction": "not-applicable",
        "follow_up": {"value": 120, "when": "first 12 months"},
    }
    ranges = BEFORE_AND_AFTER | {
        "baseline": {"value": 9, "when": "November 2014 to March 2015"},
        "follow_up": {"value": 7, "when": "April 2015 to June 2016"},
    }
    months = BEFORE_AND_AFTER | {
        "baseline": {"value": 9, "when": "May 2018"},
        "follow_up": {"value": 7, "when": "May 2019"},
    }
    untimed = BEFORE_AND_AFTER | {
        "baseline": {"value": 9, "when": "Before the project"},
        "follow_up": {"value": 7, "when": "When families left"},
    }
    assert sentences(taxonomy, [BEFORE_AND_AFTER, trial, reach, ranges, months, untimed]) == [
        (
            "Children subject to a child protection plan (Children in Leeds): improved, measured before and "
            "after, from 2011 to 2017.",
            "Children in Leeds: improved, measured before and after, from 2011 to 2017.",
        ),
        # The groups a trial compares are named by its figures, not dated: no period.
        (
            "Children's core language skills (Three-year-olds in 139 nursery settings): no clear change, "
            "measured in a randomised controlled trial.",
            "Three-year-olds in 139 nursery settings: no clear change, measured in a randomised controlled trial.",
        ),
        # A count says for whom and when, and nothing about a change.
        (
            "Families the teams worked with (Families in Reading) (first 12 months).",
            "Families in Reading (first 12 months).",
        ),
        # Ends that are ranges themselves, or not times, are labelled rather than run together;
        # a month keeps its capital.
        (
            "Children subject to a child protection plan (Children in Leeds): improved, measured before and after "
            "(before: November 2014 to March 2015; after: April 2015 to June 2016).",
            "Children in Leeds: improved, measured before and after (before: November 2014 to March 2015; after: "
            "April 2015 to June 2016).",
        ),
        (
            "Children subject to a child protection plan (Children in Leeds): improved, measured before and after, "
            "from May 2018 to May 2019.",
            "Children in Leeds: improved, measured before and after, from May 2018 to May 2019.",
        ),
        (
            "Children subject to a child protection plan (Children in Leeds): improved, measured before and after "
            "(before: Before the project; after: When families left).",
            "Children in Leeds: improved, measured before and after (before: Before the project; after: When "
            "families left).",
        ),
    ]


FIELDS = st.fixed_dictionaries(
    {
        "measure": TEXT,
        "for_whom": TEXT,
        "design": st.sampled_from(["randomised-trial", "comparison-group", "before-and-after", "trend", "count"]),
        "when": st.tuples(TEXT, TEXT),
        "figures": st.sampled_from(["none", "after", "both"]),
    }
)


@settings(max_examples=150, deadline=None)
@given(fields=FIELDS)
def test_every_sentence_keeps_the_contributors_words(taxonomy, fields):
    outcome = {"measure": fields["measure"], "for_whom": fields["for_whom"], "design": fields["design"]}
    reach = fields["design"] == "count"
    outcome["direction"] = "not-applicable" if reach else "improved"
    if fields["figures"] != "none":
        outcome["follow_up"] = {"value": 2, "when": fields["when"][1]}
        if not reach:
            outcome["better"] = "higher"
            key = "comparison" if fields["design"] in ("randomised-trial", "comparison-group") else "baseline"
            outcome[key] = {"value": 1, "when": fields["when"][0]}
    [parsed] = case_study([outcome]).outcomes
    made = OutcomeSentences(taxonomy)(parsed)
    measure, whom = (" ".join(text.split()).rstrip(".") for text in (parsed.measure, parsed.for_whom))
    sentence = str(made)
    assert sentence.startswith(f"{measure} ({whom})")  # exactly as written, spaces aside
    assert made.after_heading.startswith(whom)
    assert sentence.endswith(".")
    assert is_reach(parsed) == reach
    assert (made.verdict == "improved") == (not reach)
    design = taxonomy.designs[parsed.design].in_sentence
    assert sentence.startswith(f"{measure} ({whom}): improved, {design}") == (not reach)
    for when in (
        m.when
        for m in (parsed.baseline, parsed.follow_up)
        if m and parsed.design not in ("randomised-trial", "comparison-group")
    ):
        assert " ".join(when.split()).rstrip(".") in sentence  # each time, as written
