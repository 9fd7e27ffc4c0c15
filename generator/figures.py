"""The figures an outcome reports: each measurement, the change as reported, the numbers in
the study and the effect its source gives, and the percentage change two figures imply."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Measurement:
    value: float
    when: str


@dataclass(frozen=True)
class Change:
    as_reported: str
    percent: float | None = None


@dataclass(frozen=True)
class Sample:
    practice: int  # how many received the practice (or were measured before and after)
    comparison: int | None = None
    unit: str = ""  # what was counted, e.g. "families"


@dataclass(frozen=True)
class Interval:
    low: float
    high: float
    level: float | None = None  # e.g. 95 (percent)


@dataclass(frozen=True)
class Effect:
    as_reported: str  # the source's words
    size: float | None = None
    measure: str = ""  # e.g. "odds ratio"
    interval: Interval | None = None
    significance: str = ""


# A reported change may be at most a thousand-fold rise (the schema's maximum for
# change.percent); a change the figures imply beyond that says more about the figures than
# the practice, so none is computed.
MAX_IMPLIED_PERCENT = 100_000


def reference_of(outcome: dict[str, Any]) -> dict[str, Any] | None:
    """In an outcome's data, what follow_up is set against (model.Outcome.reference): the
    comparison group's figure, else the figure before."""
    return outcome.get("comparison") or outcome.get("baseline")


def implied_percent(before: float, after: float) -> float | None:
    """The percentage change from `before` to `after`, where it means something: a positive
    figure before, and a change within MAX_IMPLIED_PERCENT. None otherwise."""
    if not before > 0:
        return None
    percent = (after - before) / before * 100
    return percent if math.isfinite(percent) and abs(percent) <= MAX_IMPLIED_PERCENT else None
