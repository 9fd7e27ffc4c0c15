"""The restricted Markdown allowed in a case study's description, rendered safely.

markdown-it-py in CommonMark mode with raw HTML off, and only these constructs on:
paragraphs, emphasis, lists, block quotes, inline code, line breaks and links (including
<https://...> autolinks) to web addresses as the schema allows them (config/web_address.py:
http(s), no user name, no backslash). Headings, images, code blocks, tables and HTML are off,
so they show as the text the editor typed (generator.check.markdown_check reports them to the
editor first). Other links are not made links at all. A link is followed by its host in
brackets ("the evaluation (www.gov.uk)"), so the reader sees where it goes before following
it, whatever its text says; only an autolink, whose text is its address, goes without.
"""

from __future__ import annotations

import html
from functools import cache
from typing import TYPE_CHECKING, Any

from generator.config.web_address import host_of, is_web_address

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


def is_allowed_link(url: str) -> bool:
    return is_web_address(url)


@cache
def _subset_parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable(["heading", "lheading", "image", "code", "fence", "html_block", "html_inline", "hr", "reference"])
    md.validateLink = is_allowed_link
    md.add_render_rule("link_open", _link_open)
    md.add_render_rule("link_close", _link_close)
    return md


def _link_open(renderer: Any, tokens: list[Token], index: int, options: Any, env: dict[str, Any]) -> str:
    token = tokens[index]
    token.attrSet("rel", "nofollow noopener")
    href = str(token.attrGet("href") or "")
    # Only an autolink (<https://...>) shows its whole address as its text; any other link's
    # text may show anything, an address included, so its host is always added.
    env.setdefault("hosts", []).append("" if token.markup == "autolink" else host_of(href))
    return renderer.renderToken(tokens, index, options, env)


def _link_close(renderer: Any, tokens: list[Token], index: int, options: Any, env: dict[str, Any]) -> str:
    host = env["hosts"].pop() if env.get("hosts") else ""
    closed = renderer.renderToken(tokens, index, options, env)
    return f'{closed} <span class="link-host">({html.escape(host)})</span>' if host else closed


def render_description(text: str) -> str:
    """HTML for a description field."""
    return _subset_parser().render(text, {})


def plain_text(text: str) -> str:
    """The words a reader sees of a description, as the page shows them, read from the same
    parser's tokens: no list markers, emphasis marks or link addresses, a space between blocks."""
    pieces = []
    for token in _subset_parser().parse(text):
        for child in token.children or ():
            if child.type in ("text", "code_inline"):
                pieces.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                pieces.append(" ")
        if token.type == "inline":
            pieces.append(" ")
    return " ".join("".join(pieces).split())
