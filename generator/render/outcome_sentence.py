"""Each outcome as one plain sentence, composed from its own fields: what was measured, for whom,
what the figures showed, how they were measured and over what period. The figures, the
source's words and the source come after it on the page.

The sentence is put together, not written by a contributor, so it can never claim more than the
fields say and every case study has one. The phrases for directions and designs are the
taxonomy's (`in_sentence`). No field's letters are changed: "for whom" opens its clause or sits
in brackets ("Children subject to a plan (Children in Leeds): improved, ..."), where a capital
reads naturally, so a name ("Reading", "May 2018") can never lose its capital; a period reads
"from 2011 to 2017" only where both ends start with a figure or a month, and otherwise keeps
each end as written ("before: ...; after: ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.config.taxonomy import Taxonomy, Term
from generator.impact import COUNT
from generator.model import Outcome

_TRIAL_DESIGNS = frozenset({"randomised-trial", "comparison-group"})  # `when` names a group, not a time
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_A_TIME = re.compile(rf"(?:\d|(?:{'|'.join(_MONTHS)})\b)")  # "2011", "2010/11", "October 2019"


def is_reach(outcome: Outcome) -> bool:
    """A count of reach or activity: what was done, not a change for families."""
    return outcome.design == COUNT


def _phrase(term: Term) -> str:
    return term.in_sentence or term.label.lower()


def _text(value: str) -> str:
    return " ".join(value.split()).rstrip(".")


@dataclass(frozen=True)
class OutcomeSentence:
    """One outcome's sentence in its parts: a case-study page shows the measure as a heading and
    the rest under it, the verdict styled by direction; elsewhere it is one sentence."""

    measure: str
    whom: str
    verdict: str  # "improved", "got worse"; empty for a count of reach or activity
    rest: str  # ", measured before and after, from 2011 to 2017." or, for a count, " (2016)."

    def __str__(self) -> str:
        if self.verdict:
            return f"{self.measure} ({self.whom}): {self.verdict}{self.rest}"
        return f"{self.measure} ({self.whom}){self.rest}"

    @property
    def after_heading(self) -> str:
        """The sentence under a heading that gives the measure."""
        return f"{self.whom}: {self.verdict}{self.rest}" if self.verdict else f"{self.whom}{self.rest}"


def _period(outcome: Outcome) -> str:
    before, after = outcome.baseline, outcome.follow_up
    if outcome.design in _TRIAL_DESIGNS or after is None:
        return ""
    if before is None:
        return f"({_text(after.when)})"
    start, end = _text(before.when), _text(after.when)
    if _A_TIME.match(start) and _A_TIME.match(end) and " to " not in start + end:
        return f"from {start} to {end}"
    return f"(before: {start}; after: {end})"


class OutcomeSentences:
    """The sentences of one build, from the taxonomy's phrases."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy

    def __call__(self, outcome: Outcome) -> OutcomeSentence:
        measure, whom, period = _text(outcome.measure), _text(outcome.for_whom), _period(outcome)
        if is_reach(outcome):
            return OutcomeSentence(measure, whom, "", f" {period}." if period else ".")
        design = _phrase(self.taxonomy.designs[outcome.design])
        how = f"{design} {period}" if period.startswith("(") else design
        parts = [how, *([period] if period.startswith("from") else [])]
        verdict = _phrase(self.taxonomy.directions[outcome.direction])
        return OutcomeSentence(measure, whom, verdict, f", {', '.join(parts)}.")
