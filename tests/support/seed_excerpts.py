"""Drafts the research note `research/seed-excerpts.md` from the project's source documents.

The seed documents and the researched sources live outside the repository (../shared), so a
clone on its own could not check a figure against them. The note carries, for each figure a case
study takes from those documents, the sentence that writes it; the figure test then needs nothing
outside the repository, and a test that runs wherever ../shared is present (always in .ci/run)
checks every excerpt word for word against the document it names.

After adding a figure taken from a seed document, draft its excerpt, then read it against the
case study (a bare number can be written in a sentence about something else):

    python -m tests.support.seed_excerpts

It appends a bullet for each figure that no research note quotes yet and ../shared writes.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from generator.model import CaseStudy
from tests.support.figures import Figure, figures_of, source_text
from tests.support.research_notes import excerpts_by_figure, research_excerpts

NotedFigures = dict[tuple[str, str], list[str]]

NOTE = Path("research") / "seed-excerpts.md"
REACH = 200  # characters either side of a figure, at most, when no sentence ends nearer

HEADING = """\
# Excerpts from the project's source documents behind the case studies' figures

Written by `python -m tests.support.seed_excerpts` from the seed documents and the researched
sources that sit beside the repository (`../shared/seeds/*.txt` and
`../shared/research/sources.md`; see `../shared/seeds/README.md`). For each figure a case study
gives that one of those documents writes (and no other research note quotes), it quotes the
sentence that writes it, preferring the sentence that also writes the outcome's other figures.
Runs of white space are shown as one space and dashes as hyphens; an ellipsis marks a sentence
cut short. The script only drafts: a number can be written in a sentence about something else,
so each bullet was read against the case study, and a bullet that matched by coincidence was
replaced by the true excerpt in `stored-excerpts.md`. A test checks every excerpt here word for
word against the document it names.
"""


def shared_documents(repository_root: Path) -> list[Path] | None:
    """The documents in the order they are searched, or None if they are not beside the clone."""
    shared = repository_root.parent / "shared"
    seeds, sources = sorted((shared / "seeds").glob("*.txt")), shared / "research" / "sources.md"
    return [*seeds, sources] if seeds and sources.is_file() else None


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end], cut at a word REACH characters away at most."""
    opening = text.rfind(". ", max(0, start - REACH), start)
    if opening != -1:
        opening += 2
    elif start <= REACH:
        opening = 0
    else:
        opening = text.find(" ", start - REACH, start) + 1
    closing = text.find(". ", end, end + REACH)
    if closing != -1:
        closing += 1
    elif len(text) - end <= REACH:
        closing = len(text)
    else:
        closing = max(text.rfind(" ", end, end + REACH), end)
    before = "… " if opening > 0 and text[opening - 2 : opening] != ". " else ""
    after = " …" if closing < len(text) and not text[:closing].endswith(".") else ""
    return before + text[opening:closing].strip() + after


def _matches(figure: Figure, text: str) -> Iterator[re.Match[str]]:
    """Every place the text writes the figure, found one after another as `figure.where` finds
    the first."""
    position = 0
    while found := figure.where(text[position:]):
        yield found
        position += found.end()
        if found.end() == 0:
            break


def _best_excerpt(figure: Figure, siblings: list[Figure], documents: dict[str, str]) -> tuple[str, str, str] | None:
    """(document, figure as written, sentence): of every sentence that writes the figure, the
    one that also writes most of the other figures of the same outcome or cost (a bare "19" is
    written in many places; "35% ... compared to 19%" is the one that speaks of it)."""
    best: tuple[int, str, str, str] | None = None
    for name, text in documents.items():
        position = 0
        for found in _matches(figure, text):
            start, end = position + found.start(), position + found.end()
            position = end
            sentence = sentence_around(text, start, end)
            together = sum(sibling.where(sentence) is not None for sibling in siblings)
            if best is None or together > best[0]:
                best = (together, name, found.group(0), sentence)
    return None if best is None else best[1:]


def _bullets(figures: list[Figure], documents: dict[str, str], noted: NotedFigures) -> Iterator[str]:
    for figure in figures:
        if any(figure.where(excerpt) for excerpt in noted.get((figure.case_study, figure.field), ())):
            continue  # the repository's other research notes quote it already
        group = figure.field.split(".")[0]
        siblings = [
            other
            for other in figures
            if other.case_study == figure.case_study and other is not figure and other.field.split(".")[0] == group
        ]
        if found := _best_excerpt(figure, siblings, documents):
            name, written, sentence = found
            yield f'- {figure.case_study} `{figure.field}` {written}: {name} — "{sentence}"'


def draft_bullets(case_studies: Iterable[CaseStudy], paths: list[Path], noted: NotedFigures) -> list[str]:
    """A bullet for each figure that the excerpts `noted` do not write and a document does."""
    shared = paths[0].parent.parent
    documents = {path.relative_to(shared).as_posix(): source_text([path]) for path in paths}
    figures = list(figures_of(sorted(case_studies, key=lambda case_study: case_study.id)))
    return list(_bullets(figures, documents, noted))


def main() -> int:
    from generator.check.collection import check_collection
    from generator.config.project import Project

    project = Project(Path(__file__).resolve().parents[2])
    paths = shared_documents(project.root)
    if paths is None:
        print("The source documents are not beside this checkout (../shared).", file=sys.stderr)
        return 1
    note = project.root / NOTE
    noted = excerpts_by_figure(research_excerpts(project.root / "research"))
    bullets = draft_bullets(check_collection(project).case_studies, paths, noted)
    text = note.read_text(encoding="utf-8") if note.is_file() else HEADING + "\n"
    note.write_text(text + "".join(bullet + "\n" for bullet in bullets), encoding="utf-8")
    print(f"Added {len(bullets)} excerpts to {NOTE}: read each against its case study.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
