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
    kind: str  # "baseline" or "follow-up"


@dataclass(frozen=True)
class OutcomeChart:
    bars: tuple[Bar, ...]
    width: int
    height: int
    label_width: int
    text: str  # the text equivalent


def outcome_chart(outcome: Outcome) -> OutcomeChart | None:
    """A two-bar chart of baseline against follow-up, when the sources give both."""
    if outcome.baseline is None or outcome.follow_up is None:
        return None
    largest = max(outcome.baseline.value, outcome.follow_up.value) or 1
    room = WIDTH - LABEL_WIDTH - VALUE_ROOM
    bars = tuple(
        Bar(m.when, format_number(m.value), GAP + i * (BAR_HEIGHT + GAP), max(1, round(m.value / largest * room)), kind)
        for i, (m, kind) in enumerate(((outcome.baseline, "baseline"), (outcome.follow_up, "follow-up")))
    )
    change = computed_change(outcome)
    text = (
        f"{outcome.measure} ({outcome.for_whom}): {bars[0].value} ({bars[0].label}) before, "
        f"{bars[1].value} ({bars[1].label}) after" + (f", a change of {change}." if change else ".")
    )
    return OutcomeChart(bars, WIDTH, 2 * (BAR_HEIGHT + GAP) + GAP, LABEL_WIDTH, text)
