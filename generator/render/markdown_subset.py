"""The restricted Markdown allowed in a case study's description, rendered safely.

markdown-it-py in CommonMark mode with raw HTML off, and only these constructs on:
paragraphs, emphasis, lists, block quotes, inline code, line breaks and links (including
<https://...> autolinks) to http(s) addresses. Headings, images, code blocks, tables and
HTML are off, so they show as the text the editor typed (generator.check.markdown_check reports
them to the editor first). Links to anything but http(s) are not made links at all.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

ALLOWED_LINK_SCHEMES = ("http://", "https://")


def is_allowed_link(url: str) -> bool:
    return url.strip().lower().startswith(ALLOWED_LINK_SCHEMES)


@cache
def _subset_parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable(["heading", "lheading", "image", "code", "fence", "html_block", "html_inline", "hr", "reference"])
    md.validateLink = is_allowed_link
    return md


def render_description(text: str) -> str:
    """HTML for a description field."""
    return _subset_parser().render(text).replace("<a href=", '<a rel="nofollow noopener" href=')
