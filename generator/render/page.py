"""A generated page as the core hands it to a site engine: finished HTML, never Markdown.

Contributed text reaches a page only through autoescaping templates, and the engine is given
the finished HTML with the page's title, description, headings and anchor ids, so no part of
it is parsed again as Markdown or HTML. (An earlier design passed the HTML through
Python-Markdown, protected by a promise of "no blank line"; a control character on its own
line broke that promise and made contributed Markdown a live link.)
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from markupsafe import Markup

from generator.render.deferred import Deferred


@dataclass(frozen=True)
class Heading:
    level: int  # 2 for a section of the page (the page's title is its <h1>)
    id: str
    text: str  # plain text


@dataclass(frozen=True)
class RenderedPage:
    html: str
    headings: tuple[Heading, ...]  # in page order: the table of contents
    anchor_ids: frozenset[str]  # every id a link may point at


@dataclass(frozen=True)
class PageOutput:
    """One page: what an engine needs before rendering it, and the body, made when called."""

    title: str  # plain text: the engine escapes it where it writes it
    description: str
    hide: tuple[str, ...]  # parts of the theme's page left out, e.g. "toc"
    body: Deferred  # -> RenderedPage
    feed_path: str = ""  # an Atom feed that follows the page, for the page's <head>
    feed_title: str = ""


_NOT_IN_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """'How it shows the characteristics' -> 'how-it-shows-the-characteristics'."""
    return _NOT_IN_SLUG.sub("-", text.lower()).strip("-")


class PageAnchors:
    """Collects a page's headings and ids while its template renders.

    Templates write `{{ heading("Outcomes") }}` and `id="{{ anchor('due') }}"`, so the table of
    contents and the anchor list come from what the templates declared, not from parsing HTML."""

    def __init__(self) -> None:
        self.headings: list[Heading] = []
        self.ids: set[str] = set()

    def anchor(self, anchor_id: str) -> str:
        if anchor_id in self.ids:
            raise ValueError(f"the id {anchor_id!r} is used twice on one page")
        self.ids.add(anchor_id)
        return anchor_id

    def heading(self, text: str, id: str | None = None) -> Markup:
        anchor_id = self.anchor(id or slug(text))
        self.headings.append(Heading(2, anchor_id, text))
        escaped_id, escaped_text = html.escape(anchor_id), html.escape(text)
        return Markup(
            f'<h2 id="{escaped_id}">{escaped_text}'
            f'<a class="headerlink" href="#{escaped_id}" title="Permanent link">¶</a></h2>'
        )

    def page(self, body: str) -> RenderedPage:
        return RenderedPage(body, tuple(self.headings), frozenset(self.ids))
