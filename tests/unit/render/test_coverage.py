"""What About the evidence says the collection lacks, on small collections made for each case:
empty, an area with only counts, an output area, a top rating that names no designs, and an
accepted design that is not a case study's strongest."""

from __future__ import annotations

import dataclasses

from generator.config.standards import OutcomeNeed, RatingStandard
from generator.model import Change, Measurement, Outcome
from generator.render.coverage import coverage
from generator.render.evidence_facts import EvidenceFacts


def _outcome(domain: str, design: str, source: str, *, improved: bool = True) -> Outcome:
    if design == "count":
        return Outcome("m", "w", domain, design, source, "not-applicable", Change("x"), follow_up=Measurement(5, "y"))
    return Outcome(
        "m",
        "w",
        domain,
        design,
        source,
        "improved" if improved else "no-clear-change",
        Change("x"),
        better="lower",
        baseline=Measurement(10, "2010"),
        follow_up=Measurement(5 if improved else 10, "2012"),
    )


def _case(shipped, case_id: str, *outcomes: Outcome, region: str = "london", themes=("youth",)):
    """A shipped case study with these outcomes, all citing its first source (held in full)."""
    leeds = next(c for c in shipped.case_studies if c.id == "leeds-family-valued")
    source = dataclasses.replace(leeds.sources[0], access="full-text")
    return dataclasses.replace(leeds, id=case_id, outcomes=outcomes, sources=(source,), region=region, themes=themes)


def _ids(terms) -> list[str]:
    return [term.id for term in terms]


def _changes(taxonomy) -> list[str]:
    return [t.id for t in taxonomy.outcome_domains.terms if t.id not in taxonomy.outputs]


def test_an_empty_collection_lacks_everything_but_improvements_it_never_reported(taxonomy):
    held = coverage([], taxonomy, EvidenceFacts(taxonomy))
    assert held.total == 0 and not held.by_rating_and_impact
    assert _ids(held.domains_without) == taxonomy.outcome_domains.ids
    assert _ids(held.domains_without_comparison) == _changes(taxonomy)
    assert held.domains_without_improvement == ()  # nothing reported, so nothing failed to improve
    assert _ids(held.themes_without) == taxonomy.themes.ids
    assert _ids(held.regions_without) == taxonomy.regions.ids


def test_an_area_with_only_counts_lacks_an_improvement_and_an_output_area_is_never_listed(shipped, taxonomy):
    source = "s"
    cases = [
        _case(shipped, f"c-{domain}", _outcome(domain, "comparison-group", source)) for domain in _changes(taxonomy)
    ]
    cases = [c for c in cases if c.id != "c-housing"]
    cases.append(_case(shipped, "c-housing", _outcome("housing", "count", source)))
    cases.append(_case(shipped, "c-reach", _outcome("reach-and-delivery", "count", source)))
    cases = [dataclasses.replace(c, sources=(dataclasses.replace(c.sources[0], id=source),)) for c in cases]
    held = coverage(cases, taxonomy, EvidenceFacts(taxonomy))
    assert _ids(held.domains_without_comparison) == ["housing"]
    assert _ids(held.domains_without_improvement) == ["housing"]
    assert held.domains_without == ()
    assert "reach-and-delivery" in taxonomy.outputs


def test_a_result_that_did_not_improve_is_no_improvement_and_a_weaker_design_no_comparison(shipped, taxonomy):
    source = "s"
    cases = [
        _case(shipped, "a", _outcome("school", "randomised-trial", source, improved=False)),
        _case(shipped, "b", _outcome("school", "before-and-after", source)),
        _case(shipped, "c", _outcome("housing", "trend", source, improved=False)),
    ]
    cases = [dataclasses.replace(c, sources=(dataclasses.replace(c.sources[0], id=source),)) for c in cases]
    held = coverage(cases, taxonomy, EvidenceFacts(taxonomy))
    assert "school" in _ids(held.domains_without_comparison)  # improved, but only before and after
    assert _ids(held.domains_without_improvement) == ["housing"]


def _with_top_standard(taxonomy, need: OutcomeNeed | None):
    top = taxonomy.ratings.terms[0]
    ratings = dataclasses.replace(
        taxonomy.ratings,
        terms=(dataclasses.replace(top, standard=RatingStandard(outcome=need)), *taxonomy.ratings.terms[1:]),
    )
    return dataclasses.replace(taxonomy, ratings=ratings)


def test_a_top_rating_that_names_no_designs_asks_for_no_comparison(shipped, taxonomy):
    for need in (None, OutcomeNeed(direction_any_of=("improved",))):
        edited = _with_top_standard(taxonomy, need)
        held = coverage([], edited, EvidenceFacts(edited))
        assert held.compared_designs == () and held.domains_without_comparison == ()


def test_an_accepted_design_counts_though_a_stronger_one_is_the_strongest(shipped, taxonomy):
    """The top rating accepts only comparison groups; a case study with a randomised trial and a
    comparison group in one area has a compared improvement there."""
    edited = _with_top_standard(taxonomy, OutcomeNeed(design_any_of=("comparison-group",)))
    both = _case(
        shipped,
        "both",
        _outcome("school", "randomised-trial", "s"),
        _outcome("school", "comparison-group", "s"),
    )
    both = dataclasses.replace(both, sources=(dataclasses.replace(both.sources[0], id="s"),))
    held = coverage([both], edited, EvidenceFacts(edited))
    assert _ids(held.compared_designs) == ["comparison-group"]
    assert "school" not in _ids(held.domains_without_comparison)
