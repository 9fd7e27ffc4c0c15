"""Impact evidence is computed from the outcomes, never typed: checked against a second,
plain reading of its definition (issue 23), on Hypothesis-made case studies."""

from __future__ import annotations

import copy

import yaml
from hypothesis import given
from hypothesis import strategies as st

from generator.impact import impact_evidence
from generator.model import CaseStudy
from tests.conftest import REPO

EVERY_FIELD = yaml.safe_load((REPO / "tests" / "examples" / "positive" / "every-field.yaml").read_text())
# The order the definition gives, strongest first, written out here rather than read from the taxonomy.
STRONGEST_FIRST = ["randomised-trial", "comparison-group", "before-and-after", "trend", "count"]
DIRECTIONS = ["improved", "mixed", "no-clear-change", "worse", "not-applicable"]
ACCESS = ["full-text", "summary", "secondary", "title-only"]


def moved(outcome: dict) -> bool:
    """Figures that differ: follow-up against the comparison group's figure, or else the figure
    before; or a reported percent other than 0."""
    after = outcome.get("follow_up")
    against = outcome.get("comparison") or outcome.get("baseline")
    if after is not None and against is not None and after["value"] != against["value"]:
        return True
    return outcome.get("change", {}).get("percent", 0) != 0


def expected_impact(outcomes: list[dict], sources: list[dict], domain: str | None = None) -> str:
    """The definition, read plainly: among outcomes (in `domain`, if given) that improved with
    figures that moved, or that count families reached, and whose source is held beyond its
    title page, the strongest design; else "none"."""
    held = {s["id"] for s in sources if s["access"] != "title-only"}
    candidates = [
        o["design"]
        for o in outcomes
        if o["source"] in held
        and (domain is None or o["domain"] == domain)
        and ((o["direction"] == "improved" and moved(o)) or o["design"] == "count")
    ]
    for design in STRONGEST_FIRST:
        if design in candidates:
            return design
    return "none"


FIGURE = st.sampled_from([5, 10])
OUTCOME = st.fixed_dictionaries(
    {
        "design": st.sampled_from(STRONGEST_FIRST),
        "direction": st.sampled_from(DIRECTIONS),
        "source": st.sampled_from(["a", "b", "c"]),
        "domain": st.sampled_from(["school", "child-protection"]),
        "change": st.fixed_dictionaries({"as_reported": st.just("x")}, optional={"percent": st.sampled_from([0, -5])}),
    },
    optional={
        "baseline": st.builds(lambda v: {"value": v, "when": "2010"}, FIGURE),
        "comparison": st.builds(lambda v: {"value": v, "when": "others"}, FIGURE),
        "follow_up": st.builds(lambda v: {"value": v, "when": "2012"}, FIGURE),
    },
)
SOURCE = st.fixed_dictionaries({"id": st.sampled_from(["a", "b", "c"]), "access": st.sampled_from(ACCESS)})


def case_study(outcomes: list[dict], sources: list[dict]) -> CaseStudy:
    data = copy.deepcopy(EVERY_FIELD)
    template_outcome, template_source = data["outcomes"][0], data["sources"][0]
    figures = ("baseline", "comparison", "follow_up", "change")
    template_outcome = {k: v for k, v in template_outcome.items() if k not in figures}
    data["outcomes"] = [template_outcome | o for o in outcomes]
    data["sources"] = [template_source | s for s in sources] or [template_source]
    return CaseStudy.from_data(data, "practice/every-field.yaml")


@given(
    outcomes=st.lists(OUTCOME, max_size=6),
    sources=st.lists(SOURCE, min_size=1, max_size=4),
    domain=st.sampled_from([None, "school", "child-protection"]),
)
def test_impact_evidence_equals_its_definition(taxonomy, outcomes, sources, domain):
    # A file gives each source id once (a rule); the first of an id is the one that counts.
    unique = list({s["id"]: s for s in reversed(sources)}.values())[::-1]
    expected = expected_impact(outcomes, unique, domain)
    assert impact_evidence(case_study(outcomes, unique), taxonomy.designs.ids, domain) == expected


def test_the_taxonomy_ranks_designs_as_the_definition_does(taxonomy):
    assert taxonomy.designs.ids == STRONGEST_FIRST
    assert "title-only" in taxonomy.source_access.ids


def test_the_shipped_collection_has_impact_evidence_of_several_strengths(shipped, taxonomy):
    found = {impact_evidence(c, taxonomy.designs.ids) for c in shipped.case_studies}
    assert "randomised-trial" in found  # the family group conference trial
    assert len(found) >= 3
