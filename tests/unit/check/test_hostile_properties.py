"""Arbitrary text in every field of a case study, through the whole pipeline: never a live link
or unescaped markup on any page, always well-formed XML, strict JSON and a CSV that reads back,
never a traceback.

The case study with every optional field (tests/examples/positive/every-field.yaml) is the
starting point; each example puts one generated text into one of its text fields (or adds a
field of a generated name), writes the file as YAML, and checks the collection as the site
build does. A file the validator refuses must be refused with messages; a file it accepts is
rendered, and each page is compared with the same page made with a harmless value in that
field: the hostile text may change what the page says, never its elements and attributes.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.check.collection import check_collection
from generator.config.project import Project
from generator.config.taxonomy import Taxonomy
from generator.problems import escape_invisible
from generator.render.feeds import FEED_PATH
from generator.render.open_data import CSV_PATH, JSON_PATH
from generator.render.page import RenderedPage
from generator.render.site import SiteRenderer
from tests.conftest import REPO, TODAY, copy_site_setup

EVERY_FIELD = yaml.safe_load((REPO / "tests" / "examples" / "positive" / "every-field.yaml").read_text())
HARMLESS = "Harmless words for comparison"


def text_fields(data: Any, at: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every text value's path, but the id and the controlled vocabularies (refused unless exact)."""
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in text_fields(value, (*at, key))]
    if isinstance(data, list):
        return [p for index, value in enumerate(data) for p in text_fields(value, (*at, index))]
    vocabulary = {"id", "region", "themes", "rating", "basis", "age_groups", "currency", "domain", "kind", "role"}
    vocabulary |= {"design", "direction", "better", "access", "covers"}
    names_a_source = at[:1] == ("outcomes",) and at[-1:] == ("source",)  # must equal a source's id
    if isinstance(data, str) and not vocabulary & {str(step) for step in at} and not names_a_source:
        return [at]
    return []


FIELDS = text_fields(EVERY_FIELD)
MARKUP = [
    "<script>alert(1)</script>",
    "</p></div><a href='javascript:alert(2)'>x</a>",
    "[click](javascript:alert(3))",
    "[ok](https://example.org/)",
    "<https://example.org/>",
    "\n\n",
    "\n",
    "\r\n",
    "\x02",
    "\x1b[31m",
    "\u0085",
    "\u2028",
    "\u202e",
    "\u200b",
    "\ufeff",
    "\ufffe",
    "{{ config }}",
    "{% include 'x' %}",
    "<!--",
    "]]>",
    "&amp;",
    "&#x3C;",
    '"',
    "'",
    "`",
    "**",
    "# ",
    "> ",
    "- ",
    "1. ",
    "    ",
    "|",
    "=cmd|' /C calc'!A0",
    "@SUM(1)",
    "https://example.org/a b",
    "mailto:x@example.org",
]
hostile_text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Zs"]), max_size=40),
    st.lists(st.one_of(st.sampled_from(MARKUP), st.text(max_size=8)), max_size=12).map("".join),
)


def with_value(at: tuple[str | int, ...], value: str) -> dict[str, Any]:
    data = json.loads(json.dumps(EVERY_FIELD))
    target = data
    for step in at[:-1]:
        target = target[step]
    target[at[-1]] = value
    return data


class Structure(HTMLParser):
    """A page's elements and attribute names in order, and every link's address."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.shape: list[tuple[str, ...]] = []
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.shape.append((tag, *sorted(name for name, _ in attrs)))
        self.links += [value or "" for name, value in attrs if name in ("href", "src", "action", "xlink:href")]

    def handle_endtag(self, tag: str) -> None:
        self.shape.append(("/" + tag,))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(html: str) -> Structure:
    structure = Structure()
    structure.feed(html)
    structure.close()
    return structure


FORMATTED = ("url", "email", "date", "rated_on", "published", "last_reviewed")  # fields with a form of their own
DESCRIPTION_TAGS = {"p", "em", "strong", "code", "br", "ul", "ol", "li", "blockquote", "a"}
DESCRIPTION_TAGS |= {"/" + tag for tag in DESCRIPTION_TAGS}
SAFE_LINK_STARTS = ("http://", "https://", "mailto:", "#", "./", "../")


def assert_link_is_safe(link: str) -> None:
    assert link.startswith(SAFE_LINK_STARTS) or ":" not in link.split("/", 1)[0], link


class Pipeline:
    """A scratch project, checked and rendered as the site build does (without the engine)."""

    def __init__(self, root: Path) -> None:
        copy_site_setup(root)
        (root / "practice").mkdir()
        self.project = Project(root)
        self.file = root / "practice" / "every-field.yaml"
        self.taxonomy = Taxonomy.load(self.project.taxonomy_path)
        self.schema_text = self.project.schema_path.read_text(encoding="utf-8")
        self.schema = json.loads(self.schema_text)

    def __repr__(self) -> str:
        return "<pipeline>"

    def run(self, data: dict[str, Any]):
        # Double-quoted throughout, so that every character is escaped or written as itself (in
        # plain or single-quoted style a U+0085 is a line break, and never reaches the data).
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_style='"')
        self.file.write_text(text, encoding="utf-8")
        collection = check_collection(self.project, today=TODAY)
        if not collection.ok:
            return collection, None
        return collection, SiteRenderer(self.taxonomy).render(collection.case_studies, self.schema_text)


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(tmp_path_factory.mktemp("hostile"))


class HarmlessPages(dict):
    def __repr__(self) -> str:  # Hypothesis prints its arguments with a failing example
        return f"<harmless pages for {len(self)} fields>"


@pytest.fixture(scope="module")
def harmless_pages(pipeline: Pipeline) -> HarmlessPages:
    """For each field, the site made with a harmless value there: the structure to compare with."""
    pages = HarmlessPages()
    for at in FIELDS:
        value = (HARMLESS + ". ") * 4 if at in (("description",), ("summary",)) else HARMLESS
        if at[-1] in FORMATTED:
            value = None  # a field with a form of its own keeps its value
        _, outputs = pipeline.run(with_value(at, value) if value else EVERY_FIELD)
        assert outputs is not None, at
        pages[at] = outputs
    return pages


MARKUP_PAYLOAD = "Text <script>alert(1)</script> [x](javascript:alert(2))\n\n<b onclick=alert(3)>bold</b> &amp; {{ x }}"


def assert_pages_keep_their_shape(pages, harmless, at) -> None:
    for path, output in pages.items():
        if not isinstance(output, RenderedPage):
            continue
        page, before = parsed(output.html), parsed(harmless[at][path].html)
        for link in page.links:
            assert_link_is_safe(link)
        if at != ("description",):  # the description's Markdown may add paragraphs, lists, links
            assert page.shape == before.shape, path
        else:
            assert {tag for tag, *_ in page.shape} - {tag for tag, *_ in before.shape} <= DESCRIPTION_TAGS, path


@pytest.mark.parametrize("at", [at for at in FIELDS if at[-1] not in FORMATTED], ids=lambda at: ".".join(map(str, at)))
def test_markup_in_each_free_text_field_is_shown_as_text(pipeline, harmless_pages, at):
    value = MARKUP_PAYLOAD * (3 if at in (("description",), ("summary",)) else 1)
    if at[-1] in ("when", "unit", "measure") and at[-2] != 0:  # at most 60 characters
        value = "<b onclick=x>[x](javascript:y)</b> &amp;"
    collection, outputs = pipeline.run(with_value(at, value))
    if at == ("description",):  # refused: HTML is outside the description's Markdown subset
        assert {p.field for p in collection.errors} == {"description"}
        return
    assert outputs is not None, [p.message for p in collection.errors]
    assert_pages_keep_their_shape(outputs, harmless_pages, at)
    page = parsed(outputs["practice/every-field.md"].html)
    assert " ".join(value.split()) in " ".join("".join(page.text).split())  # shown, as typed


@pytest.mark.parametrize("character", ["\x00", "\x02", "\x1b", "\r", "\x7f", "\x85", "\x9b", "\ufffe", "\uffff"])
@pytest.mark.parametrize("at", FIELDS, ids=lambda at: ".".join(map(str, at)))
def test_a_control_character_in_any_field_is_refused_there(pipeline, at, character):
    original = EVERY_FIELD
    for step in at:
        original = original[step]
    collection, outputs = pipeline.run(with_value(at, original + character))
    assert outputs is None
    field = ".".join(str(step) for step in at).replace(".0", "[0]").replace(".1", "[1]")
    assert [(p.field, "control character" in p.message) for p in collection.errors] == [(field, True)]


@settings(
    max_examples=300,
    deadline=timedelta(seconds=1),  # the bound per file, whole pipeline included
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(at=st.sampled_from(FIELDS), value=hostile_text)
def test_any_text_in_any_field_is_refused_with_a_message_or_shown_as_text(pipeline, harmless_pages, at, value):
    collection, outputs = pipeline.run(with_value(at, value))
    if outputs is None:
        assert collection.errors
        for problem in collection.errors:
            assert problem.file == "practice/every-field.yaml" and problem.message
            assert escape_invisible(problem.message) == problem.message  # nothing raw reaches a terminal
        return
    assert_pages_keep_their_shape(outputs, harmless_pages, at)
    items = json.loads(outputs[JSON_PATH], parse_constant=lambda name: pytest.fail(f"{name} in the JSON"))
    jsonschema.Draft7Validator(pipeline.schema, format_checker=jsonschema.FormatChecker(["date"])).validate(items[0])
    rows = list(csv.reader(io.StringIO(outputs[CSV_PATH], newline="")))
    assert len(rows) == 2 and len(rows[0]) == len(rows[1]) and rows[1][0] == "every-field"
    feed = ET.fromstring(outputs[FEED_PATH])
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert titles[1] == collection.case_studies[0].title


@settings(max_examples=100, deadline=timedelta(seconds=1), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=st.text(min_size=1, max_size=60), value=hostile_text)
def test_a_field_of_any_name_is_refused_with_a_message(pipeline, key, value):
    data = {**EVERY_FIELD, key: value} if key not in EVERY_FIELD else {**EVERY_FIELD, key + "!": value}
    collection, outputs = pipeline.run(data)
    assert outputs is None and collection.errors
    assert all(escape_invisible(p.message) == p.message for p in collection.errors)


YAML_PIECES = [
    "\n", "\n  ", "\n- ", ": ", "- ", "? ", "[", "]", "{", "}", ",", "#", "&a ", "*a", "<<: ", "!!int ", "!!bool ",
    "!!null ", "!!map ", "!!seq ", "!!str ", "!!binary ", "!!set ", "!!timestamp ", "!!python/object ", "!x ",
    "|", ">", "|-", '"', "'", "\\x02", "\\e", "\\N", "\\u202e", "\\ud800", "%YAML 1.1\n", "---\n", "...\n",
    "1:20", "010", "0x1F", ".nan", ".inf", "1e400", "1.0e+400", "~", "on", "yes", "2010-03-18", "title", "id",
    "\t", "\r", "\x85", "\u2028", "\ufeff",
]  # fmt: skip


@settings(max_examples=500, deadline=timedelta(seconds=1), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.text(max_size=200), st.lists(st.sampled_from(YAML_PIECES) | st.text(max_size=4)).map("".join)))
def test_any_file_text_is_read_or_refused_with_a_message(pipeline, text):
    """Whole files of arbitrary text and YAML syntax: a located message, never a traceback."""
    pipeline.file.write_text(text, encoding="utf-8", errors="surrogatepass")
    collection = check_collection(pipeline.project, today=TODAY)
    for problem in collection.problems:
        assert problem.file == "practice/every-field.yaml" and problem.message
        assert escape_invisible(problem.message) == problem.message
