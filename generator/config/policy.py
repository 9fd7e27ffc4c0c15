"""The editors' policy (schema/policy.yaml): when a case study is due for review.

One file read by both `practice validate` (a warning) and the site (the "review due"
notice and the editors' review page), so the two can never disagree.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.config.settings_file import read_settings, shown_path
from generator.problems import SetupError

MAX_MONTHS = 600  # 50 years: anything longer is a typing mistake, not a policy

# field -> (meaning for messages, smallest allowed)
_FIELDS = {
    "due_after_months": ("the months after last_reviewed when a review falls due", 1),
    "look_ahead_months": ("the months ahead the editors' review page looks for reviews falling due", 0),
}


class PolicyError(SetupError):
    """schema/policy.yaml is unreadable or holds a value outside the policy's rules."""


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def describe_months(months: int) -> str:
    """36 -> '3 years', 18 -> '18 months', 12 -> '1 year'."""
    if months % 12 == 0:
        years = months // 12
        return f"{years} year{'s' if years != 1 else ''}"
    return f"{months} month{'s' if months != 1 else ''}"


@dataclass(frozen=True)
class ReviewPolicy:
    due_after_months: int = 36
    look_ahead_months: int = 6

    def due_on(self, last_reviewed: date) -> date:
        return add_months(last_reviewed, self.due_after_months)

    def is_due(self, last_reviewed: date, as_of: date) -> bool:
        return self.due_on(last_reviewed) <= as_of

    def falls_due_soon(self, last_reviewed: date, as_of: date) -> bool:
        """Not due yet, but due within the look-ahead."""
        return not self.is_due(last_reviewed, as_of) and self.due_on(last_reviewed) <= add_months(
            as_of, self.look_ahead_months
        )

    @property
    def period(self) -> str:
        return describe_months(self.due_after_months)

    @property
    def look_ahead(self) -> str:
        return describe_months(self.look_ahead_months)

    @classmethod
    def load(cls, path: Path) -> ReviewPolicy:
        """Read the policy; raises PolicyError naming the file, line, field and the fix."""
        shown = shown_path(path)
        data, positions = read_settings(path, PolicyError)
        review = data.get("review") if isinstance(data, dict) else None
        if not isinstance(review, dict):
            raise PolicyError(f"{shown}: expected a 'review:' section with due_after_months and look_ahead_months")
        unknown = sorted(set(review) - set(_FIELDS), key=str)
        if unknown:
            line, _ = positions.locate(["review", unknown[0]], key=True)
            raise PolicyError(
                f"{shown} line {line}: review.{unknown[0]} is not a policy setting; "
                f"the settings are {', '.join(_FIELDS)}"
            )
        values = {}
        for name, (meaning, smallest) in _FIELDS.items():
            value = review.get(name, getattr(cls, name))
            if isinstance(value, bool) or not isinstance(value, int) or not smallest <= value <= MAX_MONTHS:
                line, _ = positions.locate(["review", name])
                raise PolicyError(
                    f"{shown} line {line}: review.{name} is {value!r}; it is {meaning}, "
                    f"so write a whole number from {smallest} to {MAX_MONTHS}"
                )
            values[name] = value
        return cls(**values)
