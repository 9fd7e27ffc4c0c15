"""Is every figure in the collection written in a source document? An oracle for the figure test.

It knows nothing of how the site renders figures: it looks for each number as a source would
write it ("974", "2,400", "39%", "39 per cent", "£2.6m", "£1.2-2.1m", "£41,000") as a whole
number in the sources' text, so that 9 is not found inside 39 nor 4.9 inside 4.97.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.model import CaseStudy

_NOT_AFTER = r"(?<![\d.,])"  # not inside a longer number
_NOT_BEFORE = r"(?![\d]|[.,]\d)"
_NO_SCALE = r"(?!\s?(?:hundred|thousand|million|billion|bn|m|k)\b)"  # not the 5 of "£5m" or "five thousand"
# A stored copy sometimes drops the pound sign ("at a cost of 300,000 a year"): an amount is
# then taken as money only just after a word that says it is one.
_MONEY_WORDS = r"\b(?:cost|costs|costing|funding|budget|spent|spend|saving|savings|grant)\b[^£\d]{0,40}?"


def source_text(paths: Iterable[Path]) -> str:
    """The documents' text, with runs of white space as one space and dashes as hyphens."""
    text = " ".join(" ".join(path.read_text(encoding="utf-8").split()) for path in paths)
    return text.replace("\u2013", "-").replace("\u2014", "-")


def _number_forms(value: float) -> list[str]:
    """The ways a source writes the number, longest first (so that "1,000" is tried before
    "1000", the same way on every run)."""
    forms = {f"{value:,.0f}", f"{value:.0f}"} if value == int(value) else {f"{value:g}"}
    return sorted(forms, key=lambda form: (-len(form), form))


_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def number_in_words(value: float) -> str | None:
    """A pattern for a whole number from 2 to 99 as sources spell it ("seven", "Seventy four",
    "twenty-nine"), or None for any other number."""
    if value != int(value) or not 2 <= value < 100:  # "one" and "zero" are too common as words
        return None
    number = int(value)
    if number < 20:
        return _ONES[number]
    tens, ones = divmod(number, 10)
    return _TENS[tens - 2] + (f"[ -]{_ONES[ones]}" if ones else "")


def _search(pattern: str, text: str, flags: int = 0) -> re.Match[str] | None:
    return re.search(pattern, text, flags)


def figure_at(value: float, text: str) -> re.Match[str] | None:
    """Where the text first writes the number, in figures or (below 100) in words; None if it
    does not."""
    for form in _number_forms(value):
        if found := _search(_NOT_AFTER + re.escape(form) + _NOT_BEFORE + _NO_SCALE, text):
            return found
    words = number_in_words(value)
    if words is None:
        return None
    # Not the "seven" of "seventy-seven", the "twenty" of "twenty-one" (every tens word ends in
    # "ty"), the "twenty" of "one hundred and twenty" or "twenty-first", nor "seven hundred".
    larger = r"(?<!ty[ -])(?<!hundred )(?<!hundred and )"
    smaller = rf"(?![ -](?:{'|'.join(_ONES[1:10])}|first|second|third)\b)"
    return _search(rf"{larger}\b{words}\b{smaller}{_NO_SCALE}", text, re.IGNORECASE)


def percent_at(percent: float, text: str) -> re.Match[str] | None:
    forms = "|".join(re.escape(form) for form in _number_forms(abs(percent)))
    return _search(f"{_NOT_AFTER}(?:{forms}) ?(?:%|per ?cent\\b)", text)  # not "5 percentage points"


def money_at(value: float, text: str, other_end: float | None = None) -> re.Match[str] | None:
    """An amount in pounds, in full or in millions ("£41,000", "£2.6m", "£3.1 million"); the
    low end of a range also as "£1.2-2.1m". After a pound sign, or (in full) just after a word
    such as "cost": 41,000 children are not £41,000, and £5m is not £5."""
    forms = _number_forms(value) if value >= 1000 else sorted({f"{value:.2f}", f"{value:g}"})  # £2.1 is also £2.10
    written = "|".join(re.escape(form) for form in forms)
    if in_full := _search(rf"(?:£ ?|{_MONEY_WORDS}(?<![\d.,]))(?:{written}){_NOT_BEFORE}{_NO_SCALE}", text):
        return in_full
    millions = re.escape(f"{value / 1e6:g}")
    if found := _search(f"£ ?{millions} ?(?:m\\b|million|M\\b)", text):
        return found
    if other_end is not None:
        low, high = sorted((value, other_end))
        span = f"£ ?{re.escape(f'{low / 1e6:g}')} ?- ?£?{re.escape(f'{high / 1e6:g}')} ?(?:m\\b|million)"
        return _search(span, text)
    return None


def figure_written(value: float, text: str) -> bool:
    return figure_at(value, text) is not None


def percent_written(percent: float, text: str) -> bool:
    return percent_at(percent, text) is not None


def money_written(value: float, text: str, other_end: float | None = None) -> bool:
    return money_at(value, text, other_end) is not None


@dataclass(frozen=True)
class Figure:
    """One figure a case study gives, and how a source would write it."""

    case_study: str
    field: str
    value: float
    kind: str  # "number", "percent" or "money"
    other_end: float | None = None

    def where(self, text: str) -> re.Match[str] | None:
        if self.kind == "percent":
            return percent_at(self.value, text)
        if self.kind == "money":
            return money_at(self.value, text, self.other_end)
        return figure_at(self.value, text)


def figures_of(case_studies: Iterable[CaseStudy]) -> Iterator[Figure]:
    """Every baseline, follow-up, comparison, percentage, cost and saving, in file order."""
    for case_study in case_studies:
        for index, outcome in enumerate(case_study.outcomes):
            for name in ("baseline", "follow_up", "comparison"):
                measurement = getattr(outcome, name)
                if measurement is not None:
                    yield Figure(case_study.id, f"outcomes[{index}].{name}", measurement.value, "number")
            if outcome.change.percent is not None:
                yield Figure(case_study.id, f"outcomes[{index}].change.percent", outcome.change.percent, "percent")
        for field, entries in (("costs", case_study.costs), ("claimed_savings", case_study.claimed_savings)):
            for index, money in enumerate(entries):
                if money.amount is not None:
                    yield Figure(case_study.id, f"{field}[{index}].amount", money.amount, "money")
                for end, value, other in (("low", money.low, money.high), ("high", money.high, money.low)):
                    if value is not None:
                        yield Figure(case_study.id, f"{field}[{index}].amount_range.{end}", value, "money", other)


def untraceable_figures(case_studies: Iterable[CaseStudy], text: str) -> Iterator[tuple[str, str, float]]:
    """(case study id, field, figure) for every figure the text does not contain."""
    for figure in figures_of(case_studies):
        if figure.where(text) is None:
            yield figure.case_study, figure.field, figure.value
