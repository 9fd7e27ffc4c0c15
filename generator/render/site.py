"""Render every page of the site from the collection and the taxonomy."""

from __future__ import annotations

import html
import json
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from generator.model import CaseStudy, Money, Outcome
from generator.render.markdown_subset import render_description
from generator.taxonomy import Taxonomy

HOME = "index.md"
ABOUT_EVIDENCE = "about/evidence.md"


def case_study_page(case_id: str) -> str:
    return f"practice/{case_id}.md"


def page_url(src_path: str) -> str:
    """The directory-style URL MkDocs gives a page: practice/x.md -> practice/x/."""
    stem = src_path.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_url(target: str, from_page: str) -> str:
    """Link from one generated page to another (or to an anchor on it: 'page.md#anchor')."""
    target_page, _, anchor = target.partition("#")
    base = page_url(from_page)
    link = posixpath.relpath(page_url(target_page) or ".", base or ".")
    link = "./" if link == "." else link + "/"
    return f"{link}#{anchor}" if anchor else link


def format_number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


CURRENCY_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$"}


def format_money(money: Money) -> str:
    symbol = CURRENCY_SYMBOLS.get(money.currency)

    def one(value: float) -> str:
        return f"{symbol}{format_number(value)}" if symbol else f"{format_number(value)} {money.currency}"

    if money.amount is not None:
        return one(money.amount)
    return f"{one(money.low or 0)} to {one(money.high or 0)}"


def computed_change(outcome: Outcome) -> str:
    """The percentage change the baseline and follow-up figures imply, e.g. '-47%'."""
    if outcome.baseline is None or outcome.follow_up is None or outcome.baseline.value == 0:
        return ""
    percent = (outcome.follow_up.value - outcome.baseline.value) / outcome.baseline.value * 100
    return f"{percent:+.0f}%".replace("-", "\u2212")


def format_date(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def format_partial_date(value: str) -> str:
    """'2010-03-18' -> '18 March 2010', '2009-10' -> 'October 2009', '2019' -> '2019'."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return format_date(date(*parts))
    if len(parts) == 2:
        return f"{date(parts[0], parts[1], 1):%B %Y}"
    return value


def front_matter(title: str, description: str) -> str:
    """Front matter for the engine, HTML-escaped: themes put these values into <title> and
    <meta> without escaping them. JSON strings are valid YAML, so no value can break out."""
    return f"---\ntitle: {json.dumps(html.escape(title))}\ndescription: {json.dumps(html.escape(description))}\n---\n\n"


@dataclass(frozen=True)
class SiteRenderer:
    taxonomy: Taxonomy
    site_name: str = "Effective Practice Repository"

    def render(self, case_studies: list[CaseStudy]) -> dict[str, str]:
        """Every generated page, keyed by its source path under the site's docs folder."""
        ranked = sorted(case_studies, key=lambda c: (self.taxonomy.ratings.rank(c.evidence.rating), c.title, c.id))
        rating_counts = {r: sum(c.evidence.rating == r for c in case_studies) for r in self.taxonomy.ratings.ids}
        pages = {
            HOME: self._page(
                "home.md.j2",
                HOME,
                "Home",
                "Case studies of effective local practice in children's and family services.",
                ranked=ranked,
                rating_counts=rating_counts,
            ),
            ABOUT_EVIDENCE: self._page(
                "about_evidence.md.j2",
                ABOUT_EVIDENCE,
                "About the evidence",
                "What the evidence ratings mean, and the five characteristics of effective early intervention.",
            ),
        }
        for case_study in case_studies:
            path = case_study_page(case_study.id)
            pages[path] = self._page("case_study.md.j2", path, case_study.title, case_study.summary, cs=case_study)
        return pages

    def _page(self, template: str, path: str, title: str, description: str, **context: object) -> str:
        body = _ENVIRONMENT.get_template(template).render(
            taxonomy=self.taxonomy,
            site_name=self.site_name,
            url=self._linker(path),
            about_evidence=ABOUT_EVIDENCE,
            **context,
        )
        return front_matter(title, description) + body

    @staticmethod
    def _linker(from_page: str) -> Callable[[str], str]:
        return lambda target: relative_url(target, from_page)


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # render_description escapes everything it does not turn into an allowed element.
    env.filters["description_html"] = lambda text: Markup(render_description(text))
    env.filters["number"] = format_number
    env.filters["money"] = format_money
    env.filters["long_date"] = format_date
    env.filters["partial_date"] = format_partial_date
    env.globals["computed_change"] = computed_change
    env.globals["case_study_page"] = case_study_page
    return env


_ENVIRONMENT = _environment()
