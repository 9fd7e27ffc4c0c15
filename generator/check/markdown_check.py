"""Find what a description uses outside the allowed Markdown subset, so the editor hears of
it instead of seeing it shown as plain text on the site.

Parses with everything switched on (HTML, images, headings, ...) and reports each token
of a kind the site does not render; see generator.render.markdown_subset for what it does.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from generator.check.rule_words import say
from generator.check.schema_messages import shown
from generator.config.schema_sync import TEXT_CHARACTERS
from generator.problems import escape_invisible
from generator.render.markdown_subset import is_allowed_link

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@cache
def _full_parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": True})
    parser.validateLink = lambda url: True  # parse every link, so that bad ones can be reported
    return parser


NOT_ALLOWED = {
    "heading_open": ("headings are not allowed in a description", "remove the '#'; the page supplies headings"),
    "html_block": ("HTML is not allowed in a description", "write plain text or Markdown instead of HTML tags"),
    "html_inline": ("HTML is not allowed in a description", "write plain text or Markdown instead of HTML tags"),
    "image": ("images are not allowed in a description", "remove the image; link to it instead if needed"),
    "fence": ("code blocks are not allowed in a description", "write the text as an ordinary paragraph"),
    "code_block": (
        "indented code blocks are not allowed in a description",
        "remove the indentation of 4 or more spaces at the start of the line",
    ),
    "hr": ("horizontal rules are not allowed in a description", "remove the line of dashes or asterisks"),
}


@dataclass(frozen=True)
class MarkdownIssue:
    line: int  # 0-based, within the description
    message: str
    hint: str


# Every construct outside the subset needs one of these: <, #, !, `, ~, [ (links are checked
# for their address), a tab, a line indented by 4 spaces, or a line of only -, = (a
# heading's underline) or three or more -, * or _ (a rule). Text with none of them is
# plain, and skips the full parse; tests/unit/render/test_markdown_subset.py checks the two agree.
_TRIGGER_CHARACTERS = "<#!`~[\t"
_TRIGGER_LINES = re.compile(r"^(?: {4}| {0,3}(?:[-=]+|(?:[-*_][ \t]*){3,})[ \t]*$)", re.MULTILINE)
# Lists and quotes nest only by markers and indentation at the start of a line, so a text in
# which no line starts with a long run of them cannot nest deeply.
# (After a literal line feed, which the regex engine finds fast; the first line apart.)
_DEEP_START = re.compile(r"\n[ \t>*+\-0-9.)]{12}")
_DEEP_FIRST_LINE = re.compile(r"[ \t>*+\-0-9.)]{12}")
# markdown-it stops parsing at 20 levels (its tokens count a list as two) and drops what lies
# deeper, so the site would lose the text: deeper than this is refused.
MAX_LEVEL = 12
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]*\]:", re.MULTILINE)


# A character reference (&#x202E;, &rlm;) puts in the page a character the field's own rule
# refuses in the text: its decoded text is checked against that rule too.
_ENTITY = re.compile(r"&(?:#[0-9xX]|[A-Za-z][A-Za-z0-9]*;)")
_FORBIDDEN = re.compile(TEXT_CHARACTERS["not"]["pattern"])
MAX_ISSUES = 30  # 2,400 headings once gave 2,400 problems


def _maybe_outside(text: str) -> bool:
    return (
        any(character in text for character in _TRIGGER_CHARACTERS)
        or bool(_ENTITY.search(text))
        or bool(_TRIGGER_LINES.search(text))
        or bool(_DEEP_FIRST_LINE.match(text) or _DEEP_START.search(text))
    )


def description_issues(text: str) -> list[MarkdownIssue]:
    """Each distinct issue once, in the order met."""
    if not _maybe_outside(text):  # plain text: nothing outside the subset
        return []
    issues = list(itertools.islice(dict.fromkeys(_issues(text)), MAX_ISSUES + 1))
    if len(issues) > MAX_ISSUES:
        issues[MAX_ISSUES] = MarkdownIssue(issues[MAX_ISSUES].line, *say("markdown-more", limit=MAX_ISSUES))
    return issues


def _issues(text: str) -> Iterator[MarkdownIssue]:
    line = 0
    env: dict[str, object] = {}
    for token in _walk(_full_parser().parse(text, env)):
        if token.map:
            line = token.map[0]
        if token.level > MAX_LEVEL:
            yield MarkdownIssue(line, *say("markdown-nested"))
            return
        decoded = token.content if token.type in ("text", "code_inline") else str(token.attrs.get("title") or "")
        if forbidden := _FORBIDDEN.search(decoded):
            yield MarkdownIssue(
                line, *say("markdown-reference-character", character=escape_invisible(forbidden.group()))
            )
        if token.type in NOT_ALLOWED:
            message, hint = NOT_ALLOWED[token.type]
            yield MarkdownIssue(line, message, hint)
        elif token.type == "link_open":
            href = str(token.attrs.get("href", ""))
            if not is_allowed_link(href):
                yield MarkdownIssue(line, *say("markdown-link", href=shown(href)))

    if env.get("references"):
        found = _REFERENCE_DEFINITION.search(text)
        yield MarkdownIssue(text.count("\n", 0, found.start()) if found else 0, *say("markdown-reference-links"))


def _walk(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)
