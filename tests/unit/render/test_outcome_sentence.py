"""Each outcome's plain sentence (generator/render/outcome_sentence.py): worked examples read as
a person would write them, and on arbitrary text every sentence keeps the contributor's words
whole, says what the figures showed only for a result, and puts a count apart."""

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


def case_study(outcomes: list[dict], description: str = "Work with children and families.") -> CaseStudy:
    data = copy.deepcopy(EVERY_FIELD)
    template = {k: v for k, v in data["outcomes"][0].items() if k not in ("baseline", "follow_up", "comparison")}
    template |= {"sample": None, "effect": None}
    data["outcomes"] = [{k: v for k, v in (template | o).items() if v is not None} for o in outcomes]
    data["description"] = description
    return CaseStudy.from_data(json.loads(json.dumps(data)), "practice/every-field.yaml")


def sentences(taxonomy, outcomes: list[dict], description: str = "Work with children and families.") -> list[str]:
    study = case_study(outcomes, description)
    make = OutcomeSentences(taxonomy)
    return [str(make(study, outcome)) for outcome in study.outcomes]


def test_worked_examples(taxonomy):
    before_and_after = {
        "measure": "Children subject to a child protection plan",
        "for_whom": "Children in Leeds",
        "design": "before-and-after",
        "direction": "improved",
        "better": "lower",
        "baseline": {"value": 974, "when": "2011"},
        "follow_up": {"value": 515, "when": "2017"},
    }
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
        "for_whom": "Middlesbrough's families",
        "design": "count",
        "direction": "not-applicable",
        "follow_up": {"value": 120, "when": "first 12 months"},
    }
    periods = before_and_after | {
        "baseline": {"value": 9, "when": "November 2014 to March 2015"},
        "follow_up": {"value": 7, "when": "April 2015 to June 2016"},
        "for_whom": "Family Safeguarding teams",
    }
    assert sentences(taxonomy, [before_and_after, trial, reach, periods], "three-year-olds and children") == [
        "Children subject to a child protection plan: improved, measured before and after, from 2011 to 2017, "
        "for children in Leeds.",
        # The groups a trial compares are named by its figures, not dated: no period.
        "Children's core language skills: no clear change, measured in a randomised controlled trial, "
        "for three-year-olds in 139 nursery settings.",
        # A name keeps its capital: the case study never writes "middlesbrough's".
        "Families the teams worked with, for Middlesbrough's families (first 12 months).",
        # Periods that are ranges themselves are labelled rather than run together; a name of
        # two capitalised words keeps its capitals.
        "Children subject to a child protection plan: improved, measured before and after (before: November 2014 "
        "to March 2015; after: April 2015 to June 2016), for Family Safeguarding teams.",
    ]


def test_a_capital_goes_only_where_the_case_study_writes_the_word_in_lower_case(taxonomy):
    outcome = {"measure": "Arrests", "design": "trend", "direction": "improved", "better": "lower"}
    outcome |= {"for_whom": "Police officers' cases"}
    assert sentences(taxonomy, [outcome], "Work by the police.")[0].endswith(", for police officers' cases.")
    assert sentences(taxonomy, [outcome], "Work by Police Scotland.")[0].endswith(", for Police officers' cases.")


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
@given(fields=FIELDS, description=TEXT)
def test_every_sentence_keeps_the_contributors_words(taxonomy, fields, description):
    outcome = {"measure": fields["measure"], "for_whom": fields["for_whom"], "design": fields["design"]}
    reach = fields["design"] == "count"
    outcome["direction"] = "not-applicable" if reach else "improved"
    if fields["figures"] != "none":
        outcome["follow_up"] = {"value": 2, "when": fields["when"][1]}
        if not reach:
            outcome["better"] = "higher"
            key = "comparison" if fields["design"] in ("randomised-trial", "comparison-group") else "baseline"
            outcome[key] = {"value": 1, "when": fields["when"][0]}
    study = case_study([outcome], description)
    [parsed] = study.outcomes
    made = OutcomeSentences(taxonomy)(study, parsed)
    sentence = str(made)
    assert sentence.startswith(parsed.measure)
    whom = parsed.for_whom.strip().rstrip(".")
    assert f"for {whom}" in sentence or f"for {whom[0].lower()}{whom[1:]}" in sentence
    assert sentence.endswith(".")
    assert is_reach(parsed) == reach
    assert (made.verdict == "improved") == (not reach)
    design = taxonomy.designs[parsed.design]
    assert (design.in_sentence in sentence) == (not reach) or design.in_sentence in parsed.measure + whom
    assert made.after_heading[:1] == made.after_heading[:1].upper()
