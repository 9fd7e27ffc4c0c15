"""Rules that tie each outcome to its source and its figures to what it claims.

A reader must be able to check every figure: each outcome names the source it comes from (by
the source's id, unique in the file); its `direction` must agree with its figures and with
which way is `better` (no "improved" where the figures did not move or moved the wrong way);
a count of reach is never a change; a sample's comparison group needs a comparison design.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.check.rule_words import part, say
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
            yield ctx.problem(["sources", index, "id"], *say("source-id-repeated", id=source["id"]))
        seen.add(source["id"])


def outcomes_name_a_source(ctx: RuleContext) -> Iterator[Problem]:
    ids = [source["id"] for source in ctx.data["sources"]]
    known = set(ids)
    unknown = [(i, o) for i, o in enumerate(ctx.data["outcomes"]) if o["source"] not in known]
    for index, outcome in unknown[:MAX_SHOWN]:
        guess = did_you_mean(outcome["source"], ids) if len(ids) <= MAX_GUESSED else None
        listed = ", ".join(ids[:MAX_IDS_LISTED]) + (", …" if len(ids) > MAX_IDS_LISTED else "")
        words = say(
            "source-unknown",
            id=shown(outcome["source"]),
            guess=part("did-you-mean", guess=guess) if guess else "",
            listed=listed,
        )
        yield ctx.problem(["outcomes", index, "source"], *words)


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
        key = "figures-against-comparison" if "comparison" in outcome else "figures-against-before"
        return part(key, follow_up=format_number(follow_up["value"]), reference=format_number(reference["value"]))
    return part("figures-percent", percent=format_number(outcome["change"]["percent"]))


def direction_agrees_with_figures(ctx: RuleContext) -> Iterator[Problem]:
    outputs = ctx.taxonomy.outputs if ctx.taxonomy else frozenset()
    for index, outcome in enumerate(ctx.data["outcomes"]):
        at = ["outcomes", index]
        design, direction = outcome["design"], outcome["direction"]
        if (design == COUNT) != (direction == NOT_A_CHANGE):
            yield ctx.problem([*at, "direction"], *say("direction-not-design", direction=direction, design=design))
            continue
        if outcome["domain"] in outputs and design != COUNT:
            yield ctx.problem([*at, "design"], *say("output-not-count", domain=outcome["domain"]))
        moved = movement(outcome)
        if moved is None or direction not in (IMPROVED, WORSE) or "better" not in outcome:
            continue
        good = -1 if outcome["better"] == "lower" else 1
        wanted = good if direction == IMPROVED else -good
        if moved != wanted:
            how = (
                part("did-not-move")
                if moved == 0
                else part("moved-the-way", which="better" if moved == good else WORSE)
            )
            words = say(
                "direction-against-figures",
                direction=direction,
                figures=_figures(outcome),
                better=outcome["better"],
                how=how,
            )
            yield ctx.problem([*at, "direction"], *words)


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
            low, high = format_number(interval["low"]), format_number(interval["high"])
            yield ctx.problem(["outcomes", index, "direction"], *say("improvement-within-chance", low=low, high=high))


def comparison_designs_give_the_comparison(ctx: RuleContext) -> Iterator[Problem]:
    """A trial's or comparison's figures are set against the comparison group, not the figure
    before: a design that claims one must give it."""
    for index, outcome in enumerate(ctx.data["outcomes"]):
        if outcome["design"] in COMPARISON_DESIGNS and "baseline" in outcome and "comparison" not in outcome:
            yield ctx.problem(["outcomes", index, "design"], *say("comparison-without-group", design=outcome["design"]))


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
            words = say("percent-against-figures", percent=format_number(percent), figures=_figures(outcome))
            yield ctx.problem(["outcomes", index, "change", "percent"], *words)


def samples_fit_the_design(ctx: RuleContext) -> Iterator[Problem]:
    for index, outcome in enumerate(ctx.data["outcomes"]):
        if "comparison" in outcome.get("sample", {}) and outcome["design"] not in COMPARISON_DESIGNS:
            words = say("comparison-size-without-design", design=outcome["design"])
            yield ctx.problem(["outcomes", index, "sample", "comparison"], *words)
        interval = outcome.get("effect", {}).get("interval")
        if interval is not None and interval["low"] > interval["high"]:
            low, high = format_number(interval["low"]), format_number(interval["high"])
            yield ctx.problem(["outcomes", index, "effect", "interval"], *say("interval-downwards", low=low, high=high))


def stopped_practice_has_ended(ctx: RuleContext) -> Iterator[Problem]:
    if "stopped" in ctx.data and ctx.data["period"]["end"] == "ongoing":
        yield ctx.problem(["period", "end"], *say("stopped-but-ongoing"))


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
