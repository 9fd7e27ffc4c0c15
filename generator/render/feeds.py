"""Atom feeds: the whole collection's, and one for each practice model and each outcome area,
so that a reader can follow a programme or an outcome without an account anywhere.

An entry is a case study. It is updated on the later of its last review and its latest change
of rating (from git, where the copy has its history), so a feed reader shows it again when
its evidence is re-rated; its summary gives the rating and, where there was one, that change.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from generator.config.taxonomy import Taxonomy
from generator.model import CaseStudy
from generator.render.changes import RatingNews
from generator.render.deferred import Deferred
from generator.render.facets import FACET
from generator.render.formatting import format_date
from generator.render.urls import case_study_page, facet_page, page_url, relative_path

FEED_PATH = "feed.xml"
FEED_ID = "tag:effective-practice-repository,2026:"
ATOM = "http://www.w3.org/2005/Atom"
FOLLOWED_FACETS = ("models", "outcomes")  # the index pages with a feed of their own


@dataclass(frozen=True)
class Feed:
    path: str  # in the site, e.g. models/family-valued/feed.xml
    title: str
    page: str  # the page it follows, e.g. models/family-valued.md


WHOLE_COLLECTION = Feed(FEED_PATH, "New and updated case studies", "index.md")


def facet_feed(folder: str, term_id: str, label: str) -> Feed:
    page = facet_page(folder, term_id)
    kind = "Case studies of" if folder == "models" else "Case studies with outcomes in"
    return Feed(page_url(page) + FEED_PATH, f"{kind} {label}", page)


def atom_feed(
    case_studies: Iterable[CaseStudy],
    site_name: str,
    feed: Feed,
    taxonomy: Taxonomy,
    news: dict[str, RatingNews],
    since: date,
) -> str:
    """The feed's XML: newest update first. Links are relative to the feed's own address. A
    feed with no entry yet is dated `since`, the collection's latest update."""
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed")
    where = feed.path.rpartition("/")[0]
    dated = sorted(((_updated(c, news), c) for c in case_studies), key=lambda p: (p[0], p[1].published, p[1].id))
    dated.reverse()
    ET.SubElement(root, f"{{{ATOM}}}id").text = FEED_ID + ("feed" if feed.path == FEED_PATH else feed.path)
    ET.SubElement(root, f"{{{ATOM}}}title").text = f"{site_name}: {feed.title}"
    newest = (dated[0][0] if dated else since).isoformat()
    ET.SubElement(root, f"{{{ATOM}}}updated").text = f"{newest}T00:00:00Z"
    ET.SubElement(root, f"{{{ATOM}}}link", rel="self", href=relative_path(feed.path, where))
    ET.SubElement(root, f"{{{ATOM}}}link", rel="alternate", href=_link(page_url(feed.page), where))
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = f"{site_name} editors"
    for updated, c in dated:
        entry = ET.SubElement(root, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = FEED_ID + "practice/" + c.id
        ET.SubElement(entry, f"{{{ATOM}}}title").text = c.title
        ET.SubElement(entry, f"{{{ATOM}}}published").text = f"{c.published.isoformat()}T00:00:00Z"
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = f"{updated.isoformat()}T00:00:00Z"
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=_link(page_url(case_study_page(c.id)), where))
        rating = f"Rated {taxonomy.ratings[c.evidence.rating].label.lower()} on {format_date(c.evidence.rated_on)}."
        latest = news.get(c.id)
        summary = [" ".join(c.summary.split()), rating, *([latest.words] if latest else [])]
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = " ".join(summary)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def feed_files(
    ranked: list[CaseStudy], taxonomy: Taxonomy, site_name: str, news: dict[str, RatingNews]
) -> dict[str, Deferred]:
    """The whole collection's feed, and one for each model and each outcome area."""
    since = max((_updated(c, news) for c in ranked), default=date(1970, 1, 1))
    files = {FEED_PATH: Deferred(atom_feed, (ranked, site_name, WHOLE_COLLECTION, taxonomy, news, since))}
    for folder in FOLLOWED_FACETS:
        facet = FACET[folder]
        vocabulary = facet.vocabulary(taxonomy)
        by_term = facet.members(vocabulary.ids, ranked)
        for term in vocabulary.terms:
            feed = facet_feed(folder, term.id, term.label)
            members = by_term[term.id]
            their_news = {c.id: news[c.id] for c in members if c.id in news}
            files[feed.path] = Deferred(atom_feed, (members, site_name, feed, taxonomy, their_news, since))
    return files


def _updated(case_study: CaseStudy, news: dict[str, RatingNews]) -> date:
    latest = news.get(case_study.id)
    return max(case_study.last_reviewed, latest.day) if latest else case_study.last_reviewed


def _link(target: str, where: str) -> str:
    link = relative_path(target, where)
    return "./" if link == "." else link + "/"
