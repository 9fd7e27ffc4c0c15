"""The ratings' evidence standards and the taxonomy's new vocabularies, read strictly."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from generator.config.standards import RatingStandard, requirements, unmet
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


FULLY = "      min_measured_outcomes: 1\n"
LEEDS = "    originator: Leeds City Council\n"
BROKEN = {
    "unknown requirement": (FULLY, "      min_evaluations: 1\n", "unknown requirement 'min_evaluations'"),
    "count not a whole number": (FULLY, "      min_measured_outcomes: one\n", "must be a whole number from 0 to 50"),
    "count negative": (FULLY, "      min_measured_outcomes: -1\n", "must be a whole number from 0 to 50"),
    "count a decimal": (FULLY, "      min_measured_outcomes: 1.5\n", "must be a whole number from 0 to 50"),
    "basis not in the taxonomy": (
        "      basis_any_of: [independent-evaluation,",
        "      basis_any_of: [randomised-trial,",
        "basis_any_of must list ids from evidence_bases",
    ),
    "kind not in the taxonomy": (
        "      source_kinds_any_of: [evaluation]",
        "      source_kinds_any_of: [peer-review]",
        "source_kinds_any_of must list ids from source_kinds",
    ),
    "requires not a mapping": (
        "    requires:\n      basis_any_of: [independent-evaluation, outcome-evaluation, comparison-group, "
        "before-and-after]\n      min_measured_outcomes: 1\n      source_kinds_any_of: [evaluation]\n",
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
    assert fully.source_kinds_any_of == ("evaluation",) and fully.min_measured_outcomes == 1
    assert "stakeholder-account" not in fully.basis_any_of + promising.basis_any_of
    assert promising.min_outcomes == 1
    assert emerging.is_empty
    assert requirements(fully, taxonomy.labels()) == [
        "evidence of one of these kinds: independent evaluation, evaluation of outcomes, comparison group, "
        "before-and-after comparison",
        "at least 1 outcome for families measured with figures (a change in percent other than 0, or figures "
        "before and after, or against a comparison group, that differ)",
        "a cited evaluation report",
    ]
    assert taxonomy.outputs == {"reach-and-delivery"}


def case_study(basis, outcomes, kinds):
    return {"evidence": {"basis": basis}, "outcomes": outcomes, "sources": [{"kind": k} for k in kinds]}


BEFORE, AFTER = {"value": 10, "when": "2010"}, {"value": 5, "when": "2012"}
OUTCOMES = [
    {"domain": domain, "change": {"as_reported": "changed", **({"percent": percent} if percent is not None else {})}}
    | ({"baseline": BEFORE} if before else {})
    | ({"follow_up": AFTER} if after else {})
    for domain in ("school", "reach-and-delivery")
    for percent in (None, 0, -5, 12.5)
    for before in (False, True)
    for after in (False, True)
]


@given(
    basis=st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, unique=True),
    outcomes=st.lists(st.sampled_from(OUTCOMES)),
    kinds=st.lists(st.sampled_from(["evaluation", "other"]), min_size=1),
    needs=st.tuples(st.integers(0, 3), st.integers(0, 3), st.booleans(), st.booleans()),
)
def test_unmet_names_exactly_the_requirements_not_met(basis, outcomes, kinds, needs):
    """Against a second, plain reading of each requirement: a measured change is a change for
    families (not a count of activity) with figures before and after, or a percentage not 0."""
    min_outcomes, min_measured, need_basis, need_kind = needs
    standard = RatingStandard(
        basis_any_of=("a",) if need_basis else (),
        min_outcomes=min_outcomes,
        min_measured_outcomes=min_measured,
        source_kinds_any_of=("evaluation",) if need_kind else (),
    )
    measured = [
        o
        for o in outcomes
        if o["domain"] != "reach-and-delivery"
        and (("baseline" in o and "follow_up" in o) or o["change"].get("percent") not in (None, 0))
    ]
    expected = []
    if need_basis and "a" not in basis:
        expected.append("basis")
    if len(outcomes) < min_outcomes:
        expected.append("min_outcomes")
    if len(measured) < min_measured:
        expected.append("min_measured_outcomes")
    if need_kind and "evaluation" not in kinds:
        expected.append("source_kinds")
    found = unmet(standard, case_study(basis, outcomes, kinds), frozenset({"reach-and-delivery"}))
    assert [key for _, key in found] == expected


def test_the_shipped_taxonomy_loads_with_every_new_vocabulary(taxonomy):
    assert "children-in-care" in taxonomy.outcome_domains
    assert "evaluation" in taxonomy.source_kinds
    assert taxonomy.models["family-safeguarding"].originator == "Hertfordshire County Council"
    assert "c4eo" in taxonomy.glossary
    assert all(term.guidance for term in taxonomy.ratings.terms)
    raw = yaml.safe_load(SHIPPED)
    assert [m["id"] for m in raw["models"]] == taxonomy.models.ids
