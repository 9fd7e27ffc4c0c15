"""Generated HTML through Python-Markdown whole, without parsing it twice on the way.

A generated page is Markdown headings (from which MkDocs makes the table of contents and
permalinks) between blocks of finished HTML. Python-Markdown finds where raw HTML ends by
running an HTML parser over it, and MkDocs runs another over it for anchor ids: at 1,000
case studies that was three quarters of the build's Markdown time, most of it on the pages
that list many case studies. The renderer promises that its HTML has no blank line inside
(generator.render.site), so on a generated page each block between blank lines that opens
with a block-level tag is finished HTML, and is stored whole, as Python-Markdown stores raw
HTML. Its ids are collected for MkDocs' anchor checks from the id="..." attributes the
templates write (always double-quoted). Hand-written pages are left to Python-Markdown.
"""

from __future__ import annotations

import html
import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

_OPENING_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)")
_ID = re.compile(r'\sid="([^"]*)"')
# After Python-Markdown's whitespace clean-up (30), before MkDocs' anchor scan (21) and
# Python-Markdown's raw HTML parser (20).
PRIORITY = 25


class GeneratedHtmlBlocks(Extension):
    """One instance for a build; the plugin sets `active` before each page is converted."""

    def __init__(self) -> None:
        super().__init__()
        self.active = False
        self.anchor_ids: set[str] = set()  # ids in the blocks stored for the page just converted

    def start_page(self, generated: bool) -> None:
        self.active = generated
        self.anchor_ids = set()

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_StoreWhole(md, self), "practice_generated_html", PRIORITY)


class _StoreWhole(Preprocessor):
    def __init__(self, md: Markdown, owner: GeneratedHtmlBlocks) -> None:
        super().__init__(md)
        self.owner = owner

    def run(self, lines: list[str]) -> list[str]:
        if not self.owner.active:
            return lines
        result: list[str] = []
        block: list[str] = []
        for line in [*lines, ""]:  # a blank line at the end closes the last block
            if line.strip():
                block.append(line)
                continue
            result.extend(self._stored(block))
            block = []
            result.append(line)
        return result[:-1]

    def _stored(self, block: list[str]) -> list[str]:
        opening = _OPENING_TAG.match(block[0]) if block else None
        if opening is None or not self.md.is_block_level(opening.group(1)):
            return block  # Markdown (a heading), or not raw HTML to Python-Markdown either
        text = "\n".join(block)
        self.owner.anchor_ids.update(html.unescape(found) for found in _ID.findall(text))
        return [self.md.htmlStash.store(text), ""]
