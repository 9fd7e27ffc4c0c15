"""Rules that tie each outcome to its source and its figures to what it claims.

A reader must be able to check every figure: each outcome names the source it comes from (by
the source's id, unique in the file); its `direction` must agree with its figures and with
which way is `better` (no "improved" where the figures did not move or moved the wrong way);
a count of reach is never a change; a sample's comparison group needs a comparison design.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.check.rules import RuleContext
from generator.check.schema_messages import did_you_mean, shown
from generator.figures import implied_percent, reference_of
from generator.impact import COUNT, NOT_A_CHANGE
from generator.model import IMPROVED
from generator.problems import Problem
from generator.render.formatting import format_number

WORSE = "worse"
COMPARISON_DESIGNS = ("randomised-trial", "comparison-group")
MAX_IDS_LISTED = 10
MAX_SHOWN = 30  # problems of one kind shown for one file: the rest would bury them
MAX_GUESSED = 200  # "did you mean" only among this many ids, so the check stays linear


def source_ids_are_unique(ctx: RuleContext) -> Iterator[Problem]:
    seen: set[str] = set()
    shown_count = 0
    for index, source in enumerate(ctx.data["sources"]):
        if source["id"] in seen and shown_count < MAX_SHOWN:
            shown_count += 1
            yield ctx.problem(
                ["sources", index, "id"],
                f"the source id '{source['id']}' is used by an earlier source too",
                "give each source its own id, and point each outcome's source: at the right one",
            )
        seen.add(source["id"])


def outcomes_name_a_source(ctx: RuleContext) -> Iterator[Problem]:
    ids = [source["id"] for source in ctx.data["sources"]]
    known = set(ids)
    unknown = [(i, o) for i, o in enumerate(ctx.data["outcomes"]) if o["source"] not in known]
    for index, outcome in unknown[:MAX_SHOWN]:
        guess = did_you_mean(outcome["source"], ids) if len(ids) <= MAX_GUESSED else None
        listed = ", ".join(ids[:MAX_IDS_LISTED]) + (", …" if len(ids) > MAX_IDS_LISTED else "")
        yield ctx.problem(
            ["outcomes", index, "source"],
            f"no source in this file has the id '{shown(outcome['source'])}'",
            (f"did you mean '{guess}'? " if guess else "") + f"the sources' ids: {listed}",
        )


def movement(outcome: dict[str, Any]) -> int | None:
    """-1 where the figures fell, 1 where they rose, 0 where they did not move; None where
    there is nothing to compare. From follow_up against the comparison group's figure (or the
    figure before), else from the reported percent."""
    follow_up = outcome.get("follow_up")
    reference = reference_of(outcome)
    if follow_up is not None and reference is not None:
        return (follow_up["value"] > reference["value"]) - (follow_up["value"] < reference["value"])
    percent = outcome["change"].get("percent")
    return None if percent is None else (percent > 0) - (percent < 0)


def _figures(outcome: dict[str, Any]) -> str:
    follow_up = outcome.get("follow_up")
    reference = reference_of(outcome)
    if follow_up is not None and reference is not None:
        if "comparison" in outcome:
            against = format_number(reference["value"])
            return f"{format_number(follow_up['value'])} against the comparison group's {against}"
        return f"{format_number(follow_up['value'])} against {format_number(reference['value'])} before"
    return f"a change of {format_number(outcome['change']['percent'])}%"


def direction_agrees_with_figures(ctx: RuleContext) -> Iterator[Problem]:
    outputs = ctx.taxonomy.outputs if ctx.taxonomy else frozenset()
    for index, outcome in enumerate(ctx.data["outcomes"]):
        at = ["outcomes", index]
        design, direction = outcome["design"], outcome["direction"]
        if (design == COUNT) != (direction == NOT_A_CHANGE):
            yield ctx.problem(
                [*at, "direction"],
                f"direction '{direction}' does not fit design '{design}': a count of reach or activity "
                "(design: count) is never a change, and only a count has direction: not-applicable",
                "for a count write design: count and direction: not-applicable; for a change, give the design "
                "it was measured by and what it showed",
            )
            continue
        if outcome["domain"] in outputs and design != COUNT:
            yield ctx.problem(
                [*at, "design"],
                f"the outcome area '{outcome['domain']}' counts reach or activity, so its design must be count",
                "write design: count and direction: not-applicable, or choose the outcome area of the change",
            )
        moved = movement(outcome)
        if moved is None or direction not in (IMPROVED, WORSE) or "better" not in outcome:
            continue
        good = -1 if outcome["better"] == "lower" else 1
        wanted = good if direction == IMPROVED else -good
        if moved != wanted:
            how = "did not move" if moved == 0 else "moved the way that is " + ("better" if moved == good else "worse")
            yield ctx.problem(
                [*at, "direction"],
                f"direction is '{direction}', but the figures ({_figures(outcome)}, where {outcome['better']} is "
                f"better) {how}",
                "check the figures and better: against the source; where the practice made no clear difference "
                "write direction: no-clear-change, and where results got worse, direction: worse",
            )


def _includes_no_effect(effect: dict[str, Any]) -> bool:
    """Whether the reported interval includes no effect: 1 for a ratio (an odds, risk, rate or
    hazard ratio, as `measure` or the source's words name it), 0 for any other effect size."""
    interval = effect.get("interval")
    if interval is None:
        return False
    words = f"{effect.get('measure', '')} {effect['as_reported']}".lower()
    no_effect = 1 if "ratio" in words else 0
    return interval["low"] <= no_effect <= interval["high"]


def improvement_is_not_within_chance(ctx: RuleContext) -> Iterator[Problem]:
    """An improvement whose own reported interval includes no effect was not told apart from
    chance: the taxonomy calls that no clear change."""
    for index, outcome in enumerate(ctx.data["outcomes"]):
        effect = outcome.get("effect")
        if outcome["direction"] == IMPROVED and effect is not None and _includes_no_effect(effect):
            interval = effect["interval"]
            yield ctx.problem(
                ["outcomes", index, "direction"],
                f"direction is 'improved', but the reported interval ({format_number(interval['low'])} to "
                f"{format_number(interval['high'])}) includes no effect (1 for a ratio, otherwise 0)",
                "write direction: no-clear-change, as the source's own interval shows; check the interval against "
                "the source",
            )


def comparison_designs_give_the_comparison(ctx: RuleContext) -> Iterator[Problem]:
    """A trial's or comparison's figures are set against the comparison group, not the figure
    before: a design that claims one must give it."""
    for index, outcome in enumerate(ctx.data["outcomes"]):
        if outcome["design"] in COMPARISON_DESIGNS and "baseline" in outcome and "comparison" not in outcome:
            yield ctx.problem(
                ["outcomes", index, "design"],
                f"design '{outcome['design']}' compares with a group that did not receive the practice, but the "
                "figures given are before and after",
                "give the comparison group's figure as comparison:, or write the design the figures come from "
                "(before-and-after)",
            )


def percent_agrees_with_figures(ctx: RuleContext) -> Iterator[Problem]:
    """A reported percent of the opposite sign to the figures' change is an error (a warning
    rule compares their size)."""
    for index, outcome in enumerate(ctx.data["outcomes"]):
        percent = outcome["change"].get("percent")
        follow_up = outcome.get("follow_up")
        reference = reference_of(outcome)
        if percent is None or follow_up is None or reference is None:
            continue
        implied = implied_percent(reference["value"], follow_up["value"])
        if implied is not None and implied * percent < 0:
            yield ctx.problem(
                ["outcomes", index, "change", "percent"],
                f"the change in percent ({format_number(percent)}) goes the other way from the figures "
                f"({_figures(outcome)})",
                "a fall is negative and a rise positive; check both against the source",
            )


def samples_fit_the_design(ctx: RuleContext) -> Iterator[Problem]:
    for index, outcome in enumerate(ctx.data["outcomes"]):
        if "comparison" in outcome.get("sample", {}) and outcome["design"] not in COMPARISON_DESIGNS:
            yield ctx.problem(
                ["outcomes", index, "sample", "comparison"],
                f"a comparison group's size is given, but the design is '{outcome['design']}'",
                "give sample.comparison only for a randomised-trial or comparison-group design",
            )
        interval = outcome.get("effect", {}).get("interval")
        if interval is not None and interval["low"] > interval["high"]:
            yield ctx.problem(
                ["outcomes", index, "effect", "interval"],
                f"the interval runs downwards ({format_number(interval['low'])} to {format_number(interval['high'])})",
                "write the lower end as low and the higher end as high",
            )


def stopped_practice_has_ended(ctx: RuleContext) -> Iterator[Problem]:
    if "stopped" in ctx.data and ctx.data["period"]["end"] == "ongoing":
        yield ctx.problem(
            ["period", "end"],
            "the practice stopped (stopped: is given), but period.end says ongoing",
            "give the year it stopped as period.end, or remove stopped:",
        )


def impact_evidence_is_not_typed(ctx: RuleContext) -> Iterator[Problem]:
    if "impact_evidence" in ctx.data:
        yield ctx.problem(
            ["impact_evidence"],
            "impact_evidence is worked out from the outcomes when the site is built, and is not written here",
            "remove it; give each outcome its design, direction and source instead",
        )


OUTCOME_RULES = (
    impact_evidence_is_not_typed,
    source_ids_are_unique,
    outcomes_name_a_source,
    direction_agrees_with_figures,
    improvement_is_not_within_chance,
    comparison_designs_give_the_comparison,
    percent_agrees_with_figures,
    samples_fit_the_design,
    stopped_practice_has_ended,
)
