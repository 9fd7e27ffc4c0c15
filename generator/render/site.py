"""Render every page of the site from the collection and the taxonomy."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from markupsafe import Markup

from generator.config.build_date import build_date
from generator.config.policy import ReviewPolicy
from generator.config.publication import DEFAULT_PUBLICATION, Publication
from generator.config.standards import requirements
from generator.config.taxonomy import Taxonomy
from generator.incremental.reuse import REUSE
from generator.load.history import NO_HISTORY, History
from generator.model import CaseStudy
from generator.render import linked_data, open_data, urls
from generator.render.browse import FINDER_PAGE_SIZE, FINDER_SORTS, finder_groups
from generator.render.changes import RatingNews, changes_shown, rating_news
from generator.render.citation import citation
from generator.render.coverage import coverage
from generator.render.deferred import Deferred
from generator.render.environment import TEMPLATES
from generator.render.evidence_facts import EvidenceFacts
from generator.render.facets import FACET, FACETS, Facet, model_table
from generator.render.feeds import FOLLOWED_FACETS, facet_feed, feed_files
from generator.render.finder_data import card_file, finder_data
from generator.render.map_and_data_pages import map_and_data_pages
from generator.render.outcome_sentence import OutcomeSentences
from generator.render.page import PageAnchors, PageOutput, RenderedPage
from generator.render.pagination import CARDS_PER_PAGE, paginate
from generator.render.publication_pages import publication_pages
from generator.render.recent import update_days
from generator.render.related import RelatedPractice

UPDATE_DAYS_ON_HOME = 3  # the latest days on which case studies were published or reviewed
TITLES_PER_UPDATE_DAY = 6  # titles named for each of those days, new ones first
ALSO_RUNS_IN_SHOWN = 5  # other case studies of the same model named on a case study's page


@dataclass(frozen=True)
class SiteRenderer:
    taxonomy: Taxonomy
    site_name: str = "Effective Practice Repository"
    site_url: str | None = None  # the published address, for absolute links in citations
    review: ReviewPolicy = field(default_factory=ReviewPolicy)
    as_of: date = field(default_factory=lambda: build_date(None))  # the day review status is judged on
    publication: Publication = DEFAULT_PUBLICATION  # publisher, licences, code host
    # Each case study's changes, from git. Not compared: a page's inputs carry its own part of it.
    history: History = field(default=NO_HISTORY, compare=False)

    @cached_property
    def evidence(self) -> EvidenceFacts:
        return EvidenceFacts(self.taxonomy)

    def rating_news(self, case_studies: list[CaseStudy]) -> dict[str, RatingNews]:
        return rating_news(self.history, case_studies, self.taxonomy.ratings)

    @cached_property
    def outcome_sentences(self) -> OutcomeSentences:
        return OutcomeSentences(self.taxonomy)

    def ranked(self, case_studies: list[CaseStudy]) -> list[CaseStudy]:
        """Strongest rating first, then by title: the order of every listing."""
        return sorted(case_studies, key=lambda c: (self.taxonomy.ratings.rank(c.evidence.rating), c.title, c.id))

    def render(self, case_studies: list[CaseStudy], schema_text: str) -> dict[str, RenderedPage | str]:
        """Every generated page and data file, made now, keyed by its path under the site's docs folder."""
        return {
            path: output.body() if isinstance(output, PageOutput) else output()
            for path, output in self.pages(case_studies, schema_text).items()
        }

    def pages(self, case_studies: list[CaseStudy], schema_text: str) -> dict[str, PageOutput | Deferred]:
        """Every generated page (.md paths, as engines address pages) and data file. Each body
        is made when called, and compares equal to the same output of another build when its
        text would be the same."""
        ranked = self.ranked(case_studies)
        collection = coverage(case_studies, self.taxonomy, self.evidence)
        pages = {
            urls.HOME: self._page(
                "home.html.j2",
                urls.HOME,
                "Home",
                "Case studies of effective local practice in children's and family services.",
                collection=collection,
                updates=update_days(ranked, UPDATE_DAYS_ON_HOME),
                titles_per_day=TITLES_PER_UPDATE_DAY,
                outcome_counts=Counter(d for c in case_studies for d in FACET["outcomes"].terms_of(c)),
            ),
            urls.ABOUT_EVIDENCE: self._page(
                "about_evidence.html.j2",
                urls.ABOUT_EVIDENCE,
                "About the evidence",
                "What the evidence ratings mean, what the collection holds and still lacks, and the five "
                "characteristics of effective early intervention.",
                collection=collection,
            ),
        }
        for facet in FACETS:
            pages.update(self._facet_pages(facet, ranked))
        find_related = RelatedPractice(case_studies, self.taxonomy)
        by_model: dict[str, list[CaseStudy]] = {}
        for case_study in ranked:
            if case_study.model:
                by_model.setdefault(case_study.model.id, []).append(case_study)
        for case_study in case_studies:
            path = urls.case_study_page(case_study.id)
            pages[path] = self._page(
                "case_study.html.j2",
                path,
                case_study.title,
                case_study.summary,
                cs=case_study,
                related=find_related(case_study),
                model_members=self._also_runs_in(case_study, by_model),
                model_total=len(by_model[case_study.model.id]) if case_study.model else 0,
                citation=REUSE(citation, case_study, self.site_name, self.site_url),
                review_due_on=self._review_due_on(case_study),
                changes=changes_shown(self.history, case_study, self.taxonomy.ratings),
                review_period=self.review.period,
            )
        pages[urls.GLOSSARY] = self._page(
            "glossary.html.j2", urls.GLOSSARY, "Glossary", "Terms and abbreviations used in the case studies."
        )
        pages[urls.EDITORS_GUIDE] = self._page(
            "editors_guide.html.j2",
            urls.EDITORS_GUIDE,
            "Editors' guide to ratings and tags",
            "How editors apply each evidence rating and characteristic.",
        )
        pages[urls.FINDER] = self._page(
            "finder.html.j2",
            urls.FINDER,
            "Find practice",
            "Narrow the collection by theme, outcome, characteristic, rating, impact evidence, results, region, "
            "age group and words.",
            hide=("toc",),  # the filters and results need the width; the page has no sections
            shown=ranked[:FINDER_PAGE_SIZE],  # the rest are the script's to fetch (render/finder_data.py)
            total=len(ranked),
            groups=finder_groups(self.taxonomy, self.evidence, ranked),
            sorts=FINDER_SORTS,
            data_file=urls.FINDER_DATA,
            card_file=urls.finder_card,
        )
        pages[urls.FINDER_DATA] = Deferred(finder_data, (tuple(ranked), self.taxonomy))
        for case_study in case_studies:
            pages[urls.finder_card(case_study.id)] = Deferred(_finder_card, (self, case_study))
        pages[urls.SEARCH] = self._page(
            "search.html.j2",
            urls.SEARCH,
            "Search",
            "Search the case studies by what they say, and narrow the results by rating, theme and outcome.",
            hide=("toc",),
        )
        pages.update(map_and_data_pages(self, ranked, len(case_studies), schema_text))
        pages[urls.REVIEW] = self._page(
            "review.html.j2",
            urls.REVIEW,
            "Review status",
            "Case studies due for review, and those falling due soon: the editors' list.",
            review=self.review,
            as_of=self.as_of,
            due=self._by_due_date(c for c in case_studies if self.review.is_due(c.last_reviewed, self.as_of)),
            soon=self._by_due_date(c for c in case_studies if self.review.falls_due_soon(c.last_reviewed, self.as_of)),
            total=len(case_studies),
        )
        pages.update(publication_pages(self, case_studies, schema_text))
        pages.update(open_data.open_data_files(case_studies, self.taxonomy, schema_text))
        pages.update(feed_files(ranked, self.taxonomy, self.site_name, self.rating_news(case_studies)))
        return pages

    @staticmethod
    def _also_runs_in(case_study: CaseStudy, by_model: dict[str, list[CaseStudy]]) -> list[CaseStudy]:
        """The other case studies of its model, strongest evidence first, at most
        ALSO_RUNS_IN_SHOWN of them: listing every one made each page grow with the model's
        size (10,000 case studies of one model made a 1.9 GB site); the model page lists all."""
        if not case_study.model:
            return []
        members = by_model[case_study.model.id][: ALSO_RUNS_IN_SHOWN + 1]
        return [c for c in members if c.id != case_study.id][:ALSO_RUNS_IN_SHOWN]

    def _review_due_on(self, case_study: CaseStudy) -> date | None:
        """The day its review fell due, if it is due as of the build date."""
        if self.review.is_due(case_study.last_reviewed, self.as_of):
            return self.review.due_on(case_study.last_reviewed)
        return None

    def _by_due_date(self, case_studies: Iterable[CaseStudy]) -> list[tuple[date, CaseStudy]]:
        """Most overdue first, so the editors' list starts with the oldest review."""
        dated = [(self.review.due_on(c.last_reviewed), c) for c in case_studies]
        return sorted(dated, key=lambda pair: (pair[0], pair[1].title, pair[1].id))

    def _facet_pages(self, facet: Facet, ranked: list[CaseStudy]) -> dict[str, Deferred]:
        vocabulary = facet.vocabulary(self.taxonomy)
        members = facet.members(vocabulary.ids, ranked)
        overview = urls.facet_page(facet.folder)
        pages = {
            overview: self._page(
                "facet_overview.html.j2",
                overview,
                facet.title,
                facet.intro,
                facet=facet,
                terms=vocabulary.terms,
                members=members,
                total=len(ranked),
            )
        }
        for term in vocabulary.terms:
            feed = facet_feed(facet.folder, term.id, term.label) if facet.folder in FOLLOWED_FACETS else None
            side_by_side = model_table(members[term.id]) if facet.folder == "models" else []
            for pagination, shown in paginate(facet.folder, term.id, members[term.id]):
                path = pagination.paths[pagination.number - 1]
                numbered = f" (page {pagination.number} of {pagination.count})" if pagination.number > 1 else ""
                pages[path] = self._page(
                    "facet_term.html.j2",
                    path,
                    term.label + numbered,
                    term.description,
                    feed=(feed.path, feed.title) if feed else ("", ""),
                    facet=facet,
                    term=term,
                    case_studies=members[term.id],
                    shown=shown,
                    pages=pagination,
                    side_by_side=side_by_side if pagination.number == 1 else [],
                    rows_shown=CARDS_PER_PAGE,
                    feed_path=feed.path if feed else "",
                )
        return pages

    def _page(
        self,
        template: str,
        path: str,
        title: str,
        description: str,
        hide: tuple[str, ...] = (),
        feed: tuple[str, str] = ("", ""),  # (path, title) of an Atom feed that follows the page
        **context: object,
    ) -> PageOutput:
        body = Deferred(_render_page, (self, template, path, context))
        return PageOutput(title, description, hide, body, *feed)


def _render_page(renderer: SiteRenderer, template: str, path: str, context: dict[str, object]) -> RenderedPage:
    anchors = PageAnchors()
    body = TEMPLATES.get_template(template).render(
        taxonomy=renderer.taxonomy,
        site_name=renderer.site_name,
        publication=renderer.publication,
        url=lambda target: urls.relative_url(target, path),
        url_file=lambda target: urls.relative_file_url(target, path),
        rating_requirements=lambda rating: requirements(rating.standard, renderer.taxonomy.labels()),
        finder=urls.FINDER,
        **urls.LINKED_PAGES,
        facet_page=urls.facet_page,
        case_study_page=urls.case_study_page,
        facets=FACETS,
        evidence=renderer.evidence,
        outcome_sentence=renderer.outcome_sentences,
        linked_data=lambda data: Markup(linked_data.script_text(data)),
        case_study_data=lambda c: linked_data.case_study_data(
            c, renderer.taxonomy, renderer.evidence, renderer.publication, renderer.site_name, renderer.site_url
        ),
        heading=anchors.heading,
        anchor=anchors.anchor,
        # A card as the last preview build made it on this page (incremental/reuse): what else it
        # reads comes from the taxonomy, and the card's own inputs are named where it is called.
        kept=lambda name, *inputs, caller: REUSE.keyed(name, (path, renderer.taxonomy, *inputs), caller),
        **context,
    )
    return anchors.page(body)


def _finder_card(renderer: SiteRenderer, case_study: CaseStudy) -> str:
    """A card as the finder's page would show it, with its links made from that page."""
    return card_file(_render_page(renderer, "finder_card.html.j2", urls.FINDER, {"cs": case_study}).html)
