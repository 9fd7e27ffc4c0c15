"""Is every figure in the collection written in a source document? An oracle for the figure test.

It knows nothing of how the site renders figures: it looks for each number as a source would
write it ("974", "2,400", "39%", "39 per cent", "£2.6m", "£1.2-2.1m", "£41,000") as a whole
number in the sources' text, so that 9 is not found inside 39 nor 4.9 inside 4.97.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from generator.model import CaseStudy

_NOT_AFTER = r"(?<![\d.,])"  # not inside a longer number
_NOT_BEFORE = r"(?![\d]|[.,]\d)"


def source_text(paths: Iterable[Path]) -> str:
    """The documents' text, with runs of white space as one space and dashes as hyphens."""
    text = " ".join(" ".join(path.read_text(encoding="utf-8").split()) for path in paths)
    return text.replace("\u2013", "-").replace("\u2014", "-")


def _number_forms(value: float) -> set[str]:
    return {f"{value:,.0f}", f"{value:.0f}"} if value == int(value) else {f"{value:g}"}


def _found(pattern: str, text: str) -> bool:
    return re.search(pattern, text) is not None


def figure_written(value: float, text: str) -> bool:
    return any(_found(_NOT_AFTER + re.escape(form) + _NOT_BEFORE, text) for form in _number_forms(value))


def percent_written(percent: float, text: str) -> bool:
    forms = "|".join(re.escape(form) for form in _number_forms(abs(percent)))
    return _found(f"{_NOT_AFTER}(?:{forms}) ?(?:%|per ?cent)", text)


def money_written(value: float, text: str, other_end: float | None = None) -> bool:
    """An amount, in full or in millions; the low end of a range also as "£1.2-2.1m"."""
    in_full = (
        figure_written(value, text) if value >= 1000 else _found(rf"£{re.escape(f'{value:g}')}{_NOT_BEFORE}", text)
    )
    if in_full:
        return True
    millions = re.escape(f"{value / 1e6:g}")
    if _found(f"{_NOT_AFTER}{millions} ?(?:m\\b|million|M\\b)", text):
        return True
    if other_end is not None:
        low, high = sorted((value, other_end))
        span = f"{re.escape(f'{low / 1e6:g}')} ?- ?{re.escape(f'{high / 1e6:g}')} ?(?:m\\b|million)"
        return _found(_NOT_AFTER + span, text)
    return False


def untraceable_figures(case_studies: Iterable[CaseStudy], text: str) -> Iterator[tuple[str, str, float]]:
    """(case study id, field, figure) for every figure the text does not contain."""
    for case_study in case_studies:
        for index, outcome in enumerate(case_study.outcomes):
            figures = (
                ("baseline", outcome.baseline),
                ("follow_up", outcome.follow_up),
                ("comparison", outcome.comparison),
            )
            for name, measurement in figures:
                if measurement is not None and not figure_written(measurement.value, text):
                    yield case_study.id, f"outcomes[{index}].{name}", measurement.value
            percent = outcome.change.percent
            if percent is not None and not percent_written(percent, text):
                yield case_study.id, f"outcomes[{index}].change.percent", percent
        for field, entries in (("costs", case_study.costs), ("claimed_savings", case_study.claimed_savings)):
            for index, money in enumerate(entries):
                if money.amount is not None and not money_written(money.amount, text):
                    yield case_study.id, f"{field}[{index}].amount", money.amount
                for end, value, other in (("low", money.low, money.high), ("high", money.high, money.low)):
                    if value is not None and not money_written(value, text, other):
                        yield case_study.id, f"{field}[{index}].amount_range.{end}", value
