"""The ratings' evidence standards and the taxonomy's new vocabularies, read strictly."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from generator.config.standards import OutcomeNeed, RatingStandard, requirements, unmet
from generator.config.taxonomy import Taxonomy, TaxonomyError
from tests.conftest import REPO

SHIPPED = (REPO / "schema" / "taxonomy.yaml").read_text(encoding="utf-8")


def load_edited(tmp_path: Path, old: str, new: str) -> Taxonomy:
    assert old in SHIPPED, old
    path = tmp_path / "taxonomy.yaml"
    path.write_text(SHIPPED.replace(old, new, 1), encoding="utf-8")
    return Taxonomy.load(path)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


FULLY = "        measured: true\n"
LEEDS = "    originator: Leeds City Council\n"
FAMILY_SAFEGUARDING = "    originator: North Yorkshire County Council\n"  # a model with no assessments yet
ASSESSMENT = (
    FAMILY_SAFEGUARDING
    + "    assessments:\n      - by: A national trial\n        finding: No difference was found.\n"
    + "        design: randomised-trial\n        access: summary\n"
)
BROKEN = {
    "unknown requirement": (
        "      basis_any_of: [independent-evaluation, outcome-evaluation, comparison-group]\n",
        "      min_evaluations: 1\n"
        "      basis_any_of: [independent-evaluation, outcome-evaluation, comparison-group]\n",
        "unknown requirement 'min_evaluations'",
    ),
    "unknown outcome condition": (FULLY, "        min_figures: 1\n", "unknown outcome condition 'min_figures'"),
    "measured not true or false": (FULLY, "        measured: yes please\n", "measured must be true or false"),
    "basis not in the taxonomy": (
        "      basis_any_of: [independent-evaluation,",
        "      basis_any_of: [randomised-trial,",
        "basis_any_of must list ids from evidence_bases",
    ),
    "kind not in the taxonomy": (
        "        source_kind_any_of: [evaluation]",
        "        source_kind_any_of: [peer-review]",
        "source_kind_any_of must list ids from source_kinds",
    ),
    "design not in the taxonomy": (
        "        design_any_of: [randomised-trial, comparison-group]",
        "        design_any_of: [rct, comparison-group]",
        "design_any_of must list ids from designs",
    ),
    "access not in the taxonomy": (
        "        source_access_any_of: [full-text, summary]",
        "        source_access_any_of: [abstract]",
        "source_access_any_of must list ids from source_access",
    ),
    "outcome not a mapping": (
        "      outcome:\n        direction_any_of: [improved]\n",
        "      outcome: improved\n      x_outcome:\n        direction_any_of: [improved]\n",
        "outcome must be a mapping",
    ),
    "requires not a mapping": (
        "    requires:\n      basis_any_of: [independent-evaluation, outcome-evaluation, comparison-group]\n"
        "      outcome:\n        direction_any_of: [improved]\n"
        "        design_any_of: [randomised-trial, comparison-group]\n        measured: true\n"
        "        source_kind_any_of: [evaluation]\n        source_access_any_of: [full-text, summary]\n",
        "    requires: an evaluation\n",
        "requires must be a mapping",
    ),
    "unknown key on a term": (LEEDS, "    founder: Leeds City Council\n", "unknown key 'founder'"),
    "originator not text": (LEEDS, "    originator: [Leeds]\n", "originator must be text"),
    "adopters not text": (
        "    adopters: >-\n      Through",
        "    adopters: 2019\n    x: >-\n      Through",
        "adopters must be text",
    ),
    "a basis listed twice": (
        "      basis_any_of: [independent-evaluation,",
        "      basis_any_of: [independent-evaluation, independent-evaluation,",
        "must list each id once",
    ),
    "an outcome domain of an unknown kind": (
        "    kind: output  #",
        "    kind: activity  #",
        "kind may only be output",
    ),
}


BROKEN_ASSESSMENTS = {
    "not a list": (
        FAMILY_SAFEGUARDING + "    assessments: a national trial\n",
        "assessments must be a list of 1 to 20",
    ),
    "missing its finding": (
        ASSESSMENT.replace("        finding: No difference was found.\n", ""),
        "needs finding, as text",
    ),
    "of an unknown design": (ASSESSMENT.replace("design: randomised-trial", "design: rct"), "design must be one of"),
    "of an unknown access": (ASSESSMENT.replace("access: summary", "access: read"), "access must be one of full-text"),
    "with a script address": (ASSESSMENT + "        url: javascript:alert(1)\n", "url must be a web address"),
    "dated in words": (ASSESSMENT + "        date: March 2020\n", "date must be a real date written YYYY"),
    "a day that never was": (ASSESSMENT + '        date: "2020-02-31"\n', "date must be a real date written YYYY"),
    "with a hidden character": (
        ASSESSMENT.replace("finding: No difference was found.", 'finding: "No difference \\u202Ewas found."'),
        "finding must be at most 600 characters of plain text",
    ),
    "with an unknown key": (ASSESSMENT + "        verdict: works\n", "unknown key 'verdict'"),
}


@pytest.mark.parametrize("case", BROKEN_ASSESSMENTS, ids=str)
def test_a_broken_assessment_is_a_set_up_fault_naming_its_model(tmp_path, case):
    new, message = BROKEN_ASSESSMENTS[case]
    with pytest.raises(TaxonomyError) as caught:
        load_edited(tmp_path, FAMILY_SAFEGUARDING, new)
    text = str(caught.value)
    assert message in text
    edited = SHIPPED.replace(FAMILY_SAFEGUARDING, new, 1)
    line = int(text.split(" line ")[1].split(":")[0])
    first = line_of(edited, FAMILY_SAFEGUARDING)
    assert first < line <= first + new.count("\n"), (line, first)  # within the assessments written


@pytest.mark.parametrize("case", BROKEN, ids=str)
def test_a_broken_standard_or_term_is_a_set_up_fault_naming_its_line(tmp_path, case):
    old, new, message = BROKEN[case]
    with pytest.raises(TaxonomyError) as caught:
        load_edited(tmp_path, old, new)
    text = str(caught.value)
    assert text.startswith("schema/taxonomy.yaml line ") or text.startswith(str(tmp_path)), text
    assert message in text
    edited = SHIPPED.replace(old, new, 1)
    line = int(text.split(" line ")[1].split(":")[0])
    assert line == line_of(edited, new.strip().split("\n")[0])


def test_an_id_given_twice_is_shown_where_it_repeats(tmp_path):
    with pytest.raises(TaxonomyError) as caught:
        load_edited(tmp_path, "  - id: emerging\n", "  - id: promising\n")
    edited = SHIPPED.replace("  - id: emerging\n", "  - id: promising\n", 1)
    second = edited[: edited.rindex("  - id: promising\n")].count("\n") + 1
    assert f" line {second}: the id 'promising' appears twice in ratings" in str(caught.value)


def test_every_vocabulary_is_required(tmp_path):
    with pytest.raises(TaxonomyError, match="missing vocabularies: glossary"):
        load_edited(tmp_path, "\nglossary:\n", "\nunused_glossary:\n")


def test_the_shipped_standards(taxonomy):
    fully, promising, emerging = (taxonomy.ratings[r].standard for r in taxonomy.ratings.ids)
    assert fully.outcome == OutcomeNeed(
        direction_any_of=("improved",),
        design_any_of=("randomised-trial", "comparison-group"),
        measured=True,
        source_kind_any_of=("evaluation",),
        source_access_any_of=("full-text", "summary"),
    )
    assert "before-and-after" not in fully.basis_any_of
    assert "stakeholder-account" not in fully.basis_any_of + promising.basis_any_of
    assert promising.outcome == OutcomeNeed(
        direction_any_of=("improved", "not-applicable"), source_access_any_of=("full-text", "summary", "secondary")
    )
    assert emerging.is_empty
    assert requirements(fully, taxonomy.labels()) == [
        "evidence of one of these kinds: independent evaluation, evaluation of outcomes, comparison group",
        "at least one outcome whose direction is improved, measured by a randomised controlled trial or comparison "
        "group (design: randomised-trial or comparison-group), with figures that moved (a change in percent other "
        "than 0, or a follow-up that differs from the comparison group's figure or, without one, from the figure "
        "before), taken from a cited evaluation report, from a source held as full-text (read in full) or summary "
        "(authors' summary)",
    ]
    assert taxonomy.outputs == {"reach-and-delivery"}


DESIGNS = ["randomised-trial", "comparison-group", "before-and-after", "trend", "count"]
DIRECTIONS = ["improved", "mixed", "no-clear-change", "worse", "not-applicable"]
ACCESS = ["full-text", "summary", "secondary", "title-only"]
KINDS = ["evaluation", "other"]
OUTCOMES = st.fixed_dictionaries(
    {
        "domain": st.sampled_from(["school", "reach-and-delivery"]),
        "design": st.sampled_from(DESIGNS),
        "direction": st.sampled_from(DIRECTIONS),
        "source": st.sampled_from(["s1", "s2", "s3", "missing"]),
        "change": st.fixed_dictionaries(
            {"as_reported": st.just("x")}, optional={"percent": st.sampled_from([0, -5, 3])}
        ),
    },
    optional={
        "baseline": st.builds(lambda v: {"value": v, "when": "2010"}, st.sampled_from([5, 10])),
        "follow_up": st.builds(lambda v: {"value": v, "when": "2012"}, st.sampled_from([5, 10])),
        "comparison": st.builds(lambda v: {"value": v, "when": "others"}, st.sampled_from([5, 10])),
    },
)
SOURCES = st.lists(
    st.fixed_dictionaries(
        {"id": st.sampled_from(["s1", "s2", "s3"]), "kind": st.sampled_from(KINDS), "access": st.sampled_from(ACCESS)}
    ),
    min_size=1,
    max_size=4,
)
NEEDS = st.builds(
    OutcomeNeed,
    direction_any_of=st.lists(st.sampled_from(DIRECTIONS), unique=True, max_size=2).map(tuple),
    design_any_of=st.lists(st.sampled_from(DESIGNS), unique=True, max_size=2).map(tuple),
    measured=st.booleans(),
    source_kind_any_of=st.lists(st.sampled_from(KINDS), unique=True, max_size=1).map(tuple),
    source_access_any_of=st.lists(st.sampled_from(ACCESS), unique=True, max_size=2).map(tuple),
)


@given(
    basis=st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, unique=True),
    outcomes=st.lists(OUTCOMES, max_size=4),
    sources=SOURCES,
    need_basis=st.booleans(),
    need=st.none() | NEEDS,
)
def test_unmet_names_exactly_the_requirements_not_met(basis, outcomes, sources, need_basis, need):
    """Against a second, plain reading of each requirement: an outcome qualifies when it meets
    every condition, its source being the first source of that id; a measured change is a
    change for families (not a count of activity) whose follow-up differs from the comparison
    group's figure (or, without one, from the figure before) or whose percent is not 0."""
    standard = RatingStandard(basis_any_of=("a",) if need_basis else (), outcome=need)

    def source_of(outcome):
        return next((s for s in sources if s["id"] == outcome["source"]), None)

    def moved(outcome):
        if outcome["domain"] == "reach-and-delivery":
            return False
        after = outcome.get("follow_up")
        # The wording: a follow-up that differs from the comparison group's figure or, without
        # a comparison group, from the figure before.
        if after and "comparison" in outcome:
            return after["value"] != outcome["comparison"]["value"] or outcome["change"].get("percent", 0) != 0
        if after and "baseline" in outcome and after["value"] != outcome["baseline"]["value"]:
            return True
        return outcome["change"].get("percent", 0) != 0

    def qualifies(outcome):
        source = source_of(outcome)
        checks = [
            not need.direction_any_of or outcome["direction"] in need.direction_any_of,
            not need.design_any_of or outcome["design"] in need.design_any_of,
            not need.measured or moved(outcome),
            not need.source_kind_any_of or (source is not None and source["kind"] in need.source_kind_any_of),
            not need.source_access_any_of or (source is not None and source["access"] in need.source_access_any_of),
        ]
        return all(checks)

    expected = []
    if need_basis and "a" not in basis:
        expected.append("basis")
    if need is not None and not any(qualifies(o) for o in outcomes):
        expected.append("outcome")
    data = {"evidence": {"basis": basis}, "outcomes": outcomes, "sources": sources}
    found = unmet(standard, data, frozenset({"reach-and-delivery"}))
    assert [key for _, key in found] == expected


def test_a_models_assessments_are_read(tmp_path):
    taxonomy = load_edited(tmp_path, FAMILY_SAFEGUARDING, ASSESSMENT + '        date: "2020-03"\n')
    [assessment] = taxonomy.models["no-wrong-door"].assessments
    assert (assessment.by, assessment.finding, assessment.design, assessment.access, assessment.date) == (
        "A national trial",
        "No difference was found.",
        "randomised-trial",
        "summary",
        "2020-03",
    )


def test_the_shipped_taxonomy_loads_with_every_new_vocabulary(taxonomy):
    assert "children-in-care" in taxonomy.outcome_domains
    assert "evaluation" in taxonomy.source_kinds
    assert taxonomy.models["family-safeguarding"].originator == "Hertfordshire County Council"
    assert "c4eo" in taxonomy.glossary
    assert all(term.guidance for term in taxonomy.ratings.terms)
    raw = yaml.safe_load(SHIPPED)
    assert [m["id"] for m in raw["models"]] == taxonomy.models.ids


def test_a_design_may_not_take_the_id_impact_evidence_keeps_for_none(tmp_path):
    """Impact evidence adds its own term, none, after the designs: a design of that id would
    give the impact map two columns of one id (and its CSV a repeated key)."""
    old = "  - id: count\n    label: Count of reach or activity\n"
    with pytest.raises(TaxonomyError) as caught:
        load_edited(tmp_path, old, "  - id: none\n    label: Count of reach or activity\n")
    assert "the id 'none' is reserved" in str(caught.value)
    assert f" line {line_of(SHIPPED, old)}:" in str(caught.value)
