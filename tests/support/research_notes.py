"""The repository's research notes (research/*.md), read as the figure test reads them.

Each bullet ties one figure of one case study to a verbatim excerpt of a source:

    - <case study id> `<field>` <figure as written>: <address or document> — "<excerpt>" (note)

or, under a `## <case study id>` heading, the same without the id. Only the excerpt in quotation
marks counts as evidence: the bullet's own label repeats the figure, so it cannot be its proof.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.model import CaseStudy
from tests.support.figures import figures_of

_HEADING = re.compile(r"^## ([a-z0-9][a-z0-9-]*)\s*$")
_BULLET = re.compile(r'^- (?:([a-z0-9][a-z0-9-]*) )?`([^`]+)` .*?: (\S+) — "(.*?)"(?: \(.*\))?$')
_FIGURE_FIELD = re.compile(
    r"^(outcomes\[\d+\]\.(?:baseline|follow_up|comparison|change\.percent)"
    r"|(?:costs|claimed_savings)\[\d+\]\.(?:amount_range\.(?:low|high)|amount))"
)


@dataclass(frozen=True)
class Excerpt:
    case_study: str
    field: str  # as the bullet names it, e.g. "outcomes[0].follow_up" or "description"
    source: str  # the address of the stored page, or the document's name
    text: str
    note: str  # the research note's file name


def excerpts_in(note: Path) -> Iterator[Excerpt]:
    case_study = None
    for line in note.read_text(encoding="utf-8").splitlines():
        if heading := _HEADING.match(line):
            case_study = heading.group(1)
        elif bullet := _BULLET.match(line):
            named, field, source, text = bullet.groups()
            if named or case_study:
                yield Excerpt(named or case_study, field, source, " ".join(text.split()), note.name)


def research_excerpts(directory: Path) -> list[Excerpt]:
    return [excerpt for note in sorted(directory.glob("*.md")) for excerpt in excerpts_in(note)]


def figure_field(field: str) -> str | None:
    """The figure a bullet's field names ("outcomes[2].follow_up.value" -> "outcomes[2].follow_up"),
    or None for a field that is not one of the figures the test traces (a description, a note)."""
    found = _FIGURE_FIELD.match(field)
    return found.group(1) if found else None


def excerpts_by_figure(excerpts: Iterable[Excerpt]) -> dict[tuple[str, str], list[str]]:
    """(case study id, figure field) -> the excerpts quoted for it."""
    index: dict[tuple[str, str], list[str]] = {}
    for excerpt in excerpts:
        if field := figure_field(excerpt.field):
            index.setdefault((excerpt.case_study, field), []).append(excerpt.text)
    return index


def unquoted_figures(
    case_studies: Iterable[CaseStudy], quoted: dict[tuple[str, str], list[str]]
) -> Iterator[tuple[str, str, float]]:
    """(case study id, field, figure) for every figure that no excerpt labelled with its case
    study and field writes."""
    for figure in figures_of(case_studies):
        if not any(figure.where(excerpt) for excerpt in quoted.get((figure.case_study, figure.field), ())):
            yield figure.case_study, figure.field, figure.value
