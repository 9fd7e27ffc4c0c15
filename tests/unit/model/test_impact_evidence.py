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


def expected_impact(outcomes: list[dict], sources: list[dict]) -> str:
    """The definition, read plainly: among outcomes that improved (or count families reached)
    and whose source is held beyond its title page, the strongest design; else "none"."""
    held = {s["id"] for s in sources if s["access"] != "title-only"}
    candidates = [
        o["design"]
        for o in outcomes
        if o["source"] in held and (o["direction"] == "improved" or o["design"] == "count")
    ]
    for design in STRONGEST_FIRST:
        if design in candidates:
            return design
    return "none"


OUTCOME = st.fixed_dictionaries(
    {
        "design": st.sampled_from(STRONGEST_FIRST),
        "direction": st.sampled_from(DIRECTIONS),
        "source": st.sampled_from(["a", "b", "c"]),
    }
)
SOURCE = st.fixed_dictionaries({"id": st.sampled_from(["a", "b", "c"]), "access": st.sampled_from(ACCESS)})


def case_study(outcomes: list[dict], sources: list[dict]) -> CaseStudy:
    data = copy.deepcopy(EVERY_FIELD)
    template_outcome, template_source = data["outcomes"][0], data["sources"][0]
    data["outcomes"] = [template_outcome | o for o in outcomes]
    data["sources"] = [template_source | s for s in sources] or [template_source]
    return CaseStudy.from_data(data, "practice/every-field.yaml")


@given(outcomes=st.lists(OUTCOME, max_size=6), sources=st.lists(SOURCE, min_size=1, max_size=4))
def test_impact_evidence_equals_its_definition(taxonomy, outcomes, sources):
    # A file gives each source id once (a rule); the first of an id is the one that counts.
    unique = list({s["id"]: s for s in reversed(sources)}.values())[::-1]
    expected = expected_impact(outcomes, unique)
    assert impact_evidence(case_study(outcomes, unique), taxonomy.designs.ids) == expected


def test_the_taxonomy_ranks_designs_as_the_definition_does(taxonomy):
    assert taxonomy.designs.ids == STRONGEST_FIRST
    assert "title-only" in taxonomy.source_access.ids


def test_the_shipped_collection_has_impact_evidence_of_several_strengths(shipped, taxonomy):
    found = {impact_evidence(c, taxonomy.designs.ids) for c in shipped.case_studies}
    assert "randomised-trial" in found  # the family group conference trial
    assert len(found) >= 3
