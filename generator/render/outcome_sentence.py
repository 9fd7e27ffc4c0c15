"""Each outcome as one plain sentence, composed from its own fields: what was measured, what the
figures showed, how they were measured, over what period and for whom. The figures, the
source's words and the source come after it on the page.

The sentence is put together, not written by a contributor, so it can never claim more than the
fields say and every case study has one. The phrases for directions and designs are the
taxonomy's (`in_sentence`). A field that starts a clause mid-sentence ("for Children in Leeds")
loses its capital only where the case study itself writes that word in lower case elsewhere,
so that names ("for Middlesbrough's schools", "from October 2019") keep theirs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.config.taxonomy import Taxonomy, Term
from generator.impact import COUNT
from generator.model import CaseStudy, Outcome

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_TRIAL_DESIGNS = frozenset({"randomised-trial", "comparison-group"})  # `when` names a group, not a time


def is_reach(outcome: Outcome) -> bool:
    """A count of reach or activity: what was done, not a change for families."""
    return outcome.design == COUNT


def _phrase(term: Term) -> str:
    return term.in_sentence or term.label.lower()


def _lower_words(case_study: CaseStudy) -> frozenset[str]:
    """The words the case study writes in lower case somewhere."""
    texts = [case_study.summary, case_study.headline, case_study.description]
    for outcome in case_study.outcomes:
        texts += [outcome.measure, outcome.for_whom, outcome.change.as_reported, outcome.note]
        texts += [m.when for m in (outcome.baseline, outcome.follow_up, outcome.comparison) if m is not None]
    return frozenset(word for text in texts for word in _WORD.findall(text) if word[0].islower())


def _mid_sentence(text: str, lower: frozenset[str]) -> str:
    """The text as it reads after "for" or "from": a capital that only starts the field goes."""
    text = text.strip().rstrip(".")
    first = _WORD.match(text)
    word = first.group() if first else ""
    second = _WORD.search(text, first.end()) if first else None
    name = second is not None and second.group()[0].isupper()  # "Family Safeguarding teams"
    if word[:1].isupper() and (len(word) == 1 or word[1:].islower()) and word.lower() in lower and not name:
        return text[0].lower() + text[1:]
    return text


@dataclass(frozen=True)
class OutcomeSentence:
    """One outcome's sentence in its parts: a case-study page shows the measure as a heading and
    the verdict (styled by direction) and the rest after it; elsewhere it is one sentence."""

    measure: str
    verdict: str  # "improved", "got worse"; empty for a count of reach or activity
    rest: str  # ", measured before and after, from 2011 to 2017, for children in Leeds."

    def __str__(self) -> str:
        return f"{self.measure}: {self.verdict}{self.rest}" if self.verdict else f"{self.measure}{self.rest}"

    @property
    def after_heading(self) -> str:
        """The sentence without its measure, for under a heading that gives it."""
        text = f"{self.verdict}{self.rest}" if self.verdict else self.rest.removeprefix(",").lstrip()
        return text[:1].upper() + text[1:]


class OutcomeSentences:
    """The sentences of one build: each case study's lower-case words are gathered once."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self._lower: dict[str, frozenset[str]] = {}

    def __call__(self, case_study: CaseStudy, outcome: Outcome) -> OutcomeSentence:
        lower = self._lower.get(case_study.id)
        if lower is None:
            lower = self._lower[case_study.id] = _lower_words(case_study)
        whom = _mid_sentence(outcome.for_whom, lower)
        before, after = outcome.baseline, outcome.follow_up
        if before is not None and after is not None and outcome.design not in _TRIAL_DESIGNS:
            if " to " in before.when or " to " in after.when:  # "November 2014 to March 2015"
                period = f"(before: {before.when.strip()}; after: {after.when.strip()})"
            else:
                period = f"from {_mid_sentence(before.when, lower)} to {_mid_sentence(after.when, lower)}"
        elif after is not None and outcome.design not in _TRIAL_DESIGNS:
            period = f"({after.when.strip()})"
        else:
            period = ""
        if is_reach(outcome):
            return OutcomeSentence(outcome.measure, "", f", for {whom}{f' {period}' if period else ''}.")
        design = _phrase(self.taxonomy.designs[outcome.design])
        how = f"{design} {period}" if period.startswith("(") else design
        parts = [how, *([period] if period.startswith("from") else []), f"for {whom}"]
        verdict = _phrase(self.taxonomy.directions[outcome.direction])
        return OutcomeSentence(outcome.measure, verdict, f", {', '.join(parts)}.")
