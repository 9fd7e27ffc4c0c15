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

_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_LABEL = re.compile(r"- (?:([a-z0-9][a-z0-9-]*) )?`([^`]+)` ")
_EXCERPT_OPENS = ' — "'
_FIGURE_FIELD = re.compile(
    r"(outcomes\[\d+\]\.(?:baseline|follow_up|comparison|change\.percent)"
    r"|(?:costs|claimed_savings)\[\d+\]\.(?:amount_range\.(?:low|high)|amount))(?:\.value)?"
)


def _excerpt_end(tail: str) -> int | None:
    """Where the excerpt's closing quotation mark is: the first one followed by nothing, or by
    a note in brackets that ends the line. Found with string methods, in time linear in the line."""
    closes_with_a_note = tail.endswith(")")
    position = tail.find('"')
    while position != -1:
        if position + 1 == len(tail) or (closes_with_a_note and tail.startswith(" (", position + 1)):
            return position
        position = tail.find('"', position + 1)
    return None


def _bullet(line: str) -> tuple[str | None, str, str, str] | None:
    """(case study id or None, field, source, excerpt) of a bullet, or None for any other line."""
    label = _LABEL.match(line)
    opens = line.find(_EXCERPT_OPENS) if label else -1
    if label is None or opens == -1:
        return None
    before = line[label.end() : opens]  # "<figure as written>: <source>"
    _figure, separator, source = before.rpartition(": ")
    tail = line[opens + len(_EXCERPT_OPENS) :]
    end = _excerpt_end(tail)
    if not separator or not source or " " in source or end is None:
        return None
    return label.group(1), label.group(2), source, tail[:end]


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
        if line.startswith("#"):  # any heading ends the previous case study's bullets
            heading = line.removeprefix("## ").strip()
            case_study = heading if line.startswith("## ") and _ID.fullmatch(heading) else None
        elif bullet := _bullet(line):
            named, field, source, text = bullet
            if named or case_study:
                text = " ".join(text.split()).replace("\u2013", "-").replace("\u2014", "-")  # as source_text
                yield Excerpt(named or case_study, field, source, text, note.name)


def research_excerpts(directory: Path) -> list[Excerpt]:
    return [excerpt for note in sorted(directory.glob("*.md")) for excerpt in excerpts_in(note)]


def figure_field(field: str) -> str | None:
    """The figure a bullet's field names ("outcomes[2].follow_up.value" -> "outcomes[2].follow_up"),
    or None for a field that is not one of the figures the test traces (a description, a note)."""
    found = _FIGURE_FIELD.fullmatch(field)
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
