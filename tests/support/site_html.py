"""Read built HTML pages as a user's browser would: element text, links, ids."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class Page:
    title: str = ""
    h1: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)  # href and src values, and forms' actions (a reader goes there)
    resources: list[str] = field(default_factory=list)  # what the browser loads by itself
    ids: set[str] = field(default_factory=set)
    scripts: list[str] = field(default_factory=list)  # inline script bodies the browser runs
    data_blocks: list[str] = field(default_factory=list)  # <script type="application/ld+json">: data, never run
    event_handlers: list[str] = field(default_factory=list)  # on*= attributes
    text: str = ""
    tags: list[str] = field(default_factory=list)  # every element, in order
    cards: list[str] = field(default_factory=list)  # ids of the case-study cards listed, in order


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._stack: list[str] = []
        self._text: list[str] = []
        self._capture: dict[str, list[str]] = {}
        self._data_block = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._stack.append(tag)
        self.page.tags.append(tag)
        for name, value in attrs:
            if name == "action" and tag == "form" and value is not None:
                self.page.links.append(value)
            if name in ("href", "src") and value is not None:
                self.page.links.append(value)
                if name == "src" or (tag == "link" and dict(attrs).get("rel") != "canonical"):
                    self.page.resources.append(value)
            if name in ("id", "name") and value:
                self.page.ids.add(value)
            if name == "data-case-study" and value:
                self.page.cards.append(value)
            if name.startswith("on"):
                self.page.event_handlers.append(f"{name}={value}")
        if tag in ("title", "h1", "script"):
            self._capture[tag] = []
        if tag == "script":
            self._data_block = dict(attrs).get("type") == "application/ld+json"

    def handle_endtag(self, tag: str) -> None:
        if tag in self._capture:
            text = "".join(self._capture.pop(tag)).strip()
            if tag == "title":
                self.page.title = text
            elif tag == "h1":
                self.page.h1.append(" ".join(text.split()))
            elif self._data_block:
                self.page.data_blocks.append(text)
            else:
                self.page.scripts.append(text)
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        for parts in self._capture.values():
            parts.append(data)
        if "script" not in self._capture and "style" not in self._stack[-1:]:
            self._text.append(data)


def read_page(path: Path) -> Page:
    return parse_html(path.read_text(encoding="utf-8"))


def parse_html(html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    reader.page.text = " ".join(" ".join(reader._text).split())
    return reader.page


class _ByClass(HTMLParser):
    """The text of every element carrying a class, with the links inside it."""

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})

    def __init__(self, css_class: str) -> None:
        super().__init__(convert_charrefs=True)
        self.css_class = css_class
        self.found: list[tuple[list[str], list[str]]] = []  # (text parts, links) per element
        self._open: list[tuple[int, int]] = []  # (index in found, depth it opened at)
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag not in self.VOID:
            self._depth += 1
        if self.css_class in (attributes.get("class") or "").split() and tag not in self.VOID:
            self.found.append(([], []))
            self._open.append((len(self.found) - 1, self._depth))
        if tag == "a" and attributes.get("href"):
            for index, _ in self._open:
                self.found[index][1].append(attributes["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        while self._open and self._open[-1][1] >= self._depth:
            self._open.pop()
        self._depth -= 1

    def handle_data(self, data: str) -> None:
        for index, _ in self._open:
            self.found[index][0].append(data)


@dataclass(frozen=True)
class Element:
    text: str  # whitespace collapsed
    links: list[str]


def elements_with_class(html: str, css_class: str) -> list[Element]:
    """Each element with `css_class`, in page order: its text and the links inside it."""
    reader = _ByClass(css_class)
    reader.feed(html)
    reader.close()
    return [Element(" ".join(" ".join(parts).split()), links) for parts, links in reader.found]
