"""Small outcome charts: two bars, drawn at build time (no JavaScript library).

Each row is HTML (the label and the figure wrap and reflow at any width, so a long "when"
such as "November 2014 to March 2015" is never cut off) with the bar itself an SVG rectangle
whose width is a percentage of the row. Only comparable figures get a chart (never a count
of reach), and only an outcome that improved has its bar in the colour of a result that
worked: a result that did not improve is drawn in a neutral colour. The template writes the
markup, so every label is escaped like any other text.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.impact import COUNT
from generator.model import Outcome
from generator.render.formatting import computed_change, format_number

MIN_PERCENT = 0.5  # a figure of 0 still shows a sliver of bar


@dataclass(frozen=True)
class Bar:
    label: str  # when the figure was taken
    value: str  # the figure, formatted
    percent: float  # the bar's length, in percent of the longest
    kind: str  # "baseline", "comparison", "follow-up" (improved) or "follow-up-neutral"


@dataclass(frozen=True)
class OutcomeChart:
    bars: tuple[Bar, ...]
    text: str  # the text equivalent


def outcome_chart(outcome: Outcome) -> OutcomeChart | None:
    """Follow-up against the figure before (or, without one, against the comparison group's),
    when the sources give both and the outcome is a change rather than a count."""
    reference, follow_up = outcome.reference, outcome.follow_up
    if reference is None or follow_up is None or outcome.design == COUNT:
        return None
    before = reference is outcome.baseline
    largest = max(reference.value, follow_up.value) or 1
    after_kind = "follow-up" if outcome.improved else "follow-up-neutral"
    pairs = ((reference, "baseline" if before else "comparison"), (follow_up, after_kind))
    bars = tuple(
        Bar(m.when, format_number(m.value), round(max(MIN_PERCENT, m.value / largest * 100), 2), kind)
        for m, kind in pairs
    )
    change = computed_change(outcome)
    first, second = ("before", "after") if before else ("in the comparison group", "with the practice")
    text = (
        f"{outcome.measure} ({outcome.for_whom}): {bars[0].value} ({bars[0].label}) {first}, "
        f"{bars[1].value} ({bars[1].label}) {second}"
        + (f", a {'change' if before else 'difference'} of {change}." if change else ".")
    )
    return OutcomeChart(bars, text)
