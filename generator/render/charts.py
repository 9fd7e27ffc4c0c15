"""Small outcome charts, drawn as inline SVG at build time (no JavaScript library).

Only the geometry is computed here; the template writes the SVG, so every label is escaped
like any other text.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Outcome
from generator.render.formatting import computed_change, format_number

WIDTH = 360
LABEL_WIDTH = 90
BAR_HEIGHT = 22
GAP = 10
VALUE_ROOM = 70  # room after the longer bar for its value


@dataclass(frozen=True)
class Bar:
    label: str  # when the figure was taken
    value: str  # the figure, formatted
    y: int
    length: int
    kind: str  # "baseline", "comparison" or "follow-up"


@dataclass(frozen=True)
class OutcomeChart:
    bars: tuple[Bar, ...]
    width: int
    height: int
    label_width: int
    text: str  # the text equivalent


def outcome_chart(outcome: Outcome) -> OutcomeChart | None:
    """A two-bar chart of follow-up against the figure before (or, without one, against the
    comparison group's), when the sources give both."""
    reference, follow_up = outcome.reference, outcome.follow_up
    if reference is None or follow_up is None:
        return None
    before = reference is outcome.baseline
    largest = max(reference.value, follow_up.value) or 1
    room = WIDTH - LABEL_WIDTH - VALUE_ROOM
    pairs = ((reference, "baseline" if before else "comparison"), (follow_up, "follow-up"))
    bars = tuple(
        Bar(m.when, format_number(m.value), GAP + i * (BAR_HEIGHT + GAP), max(1, round(m.value / largest * room)), kind)
        for i, (m, kind) in enumerate(pairs)
    )
    change = computed_change(outcome)
    first, second = ("before", "after") if before else ("in the comparison group", "with the practice")
    text = (
        f"{outcome.measure} ({outcome.for_whom}): {bars[0].value} ({bars[0].label}) {first}, "
        f"{bars[1].value} ({bars[1].label}) {second}"
        + (f", a {'change' if before else 'difference'} of {change}." if change else ".")
    )
    return OutcomeChart(bars, WIDTH, 2 * (BAR_HEIGHT + GAP) + GAP, LABEL_WIDTH, text)
