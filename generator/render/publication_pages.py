"""The pages that say who stands behind the site and how to add to it: the accessibility
statement, the privacy note, how to propose a case study, and the proposal form."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from generator.config.taxonomy import Taxonomy
from generator.contract import form_rules
from generator.incremental.reuse import REUSE
from generator.model import CaseStudy
from generator.render import open_data, urls
from generator.render.page import PageOutput
from generator.render.proposal_form import Step, proposal_steps
from generator.render.proposal_form_words import STEPS

if TYPE_CHECKING:
    from generator.render.site import SiteRenderer


def publication_pages(renderer: SiteRenderer, case_studies: list[CaseStudy], schema_text: str) -> dict[str, PageOutput]:
    pages: dict[str, PageOutput] = {}
    pages[urls.ACCESSIBILITY] = renderer._page(
        "accessibility.html.j2",
        urls.ACCESSIBILITY,
        "Accessibility statement",
        "How accessible this website is, how it is tested, and how to report a problem.",
    )
    pages[urls.PRIVACY] = renderer._page(
        "privacy.html.j2", urls.PRIVACY, "Privacy", "This website sets no cookies and tracks no one."
    )
    pages[urls.CONTRIBUTE] = renderer._page(
        "contribute.html.j2",
        urls.CONTRIBUTE,
        "Propose a case study",
        "Propose a case study of effective practice: in your browser, or with git. What the editors check.",
        steps=[title for title, _, _ in STEPS],  # the form's, in its order
    )
    pages[urls.PROPOSE] = renderer._page(
        "propose.html.j2",
        urls.PROPOSE,
        "Propose a case study: the form",
        "A form in short steps that makes a case-study file the editors can review.",
        hide=("toc",),
        steps=REUSE(_steps, schema_text, renderer.taxonomy),
        schema_path=open_data.SCHEMA_PATH,
        taken_ids=sorted(c.id for c in case_studies),
        rules=form_rules(renderer.taxonomy),
    )
    return pages


def _steps(schema_text: str, taxonomy: Taxonomy) -> list[Step]:
    return proposal_steps(json.loads(schema_text), taxonomy)
