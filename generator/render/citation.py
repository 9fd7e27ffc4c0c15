"""How to cite a case study: a plain-text reference and CSL-JSON for reference managers."""

from __future__ import annotations

import json
from dataclasses import dataclass

from generator.model import CaseStudy
from generator.render.formatting import format_date
from generator.render.urls import case_study_page, page_url


@dataclass(frozen=True)
class Citation:
    text: str
    csl_json: str


def citation(case_study: CaseStudy, site_name: str, site_url: str | None) -> Citation:
    """The URL is absolute when the site's address is configured (site_url), else the path."""
    path = page_url(case_study_page(case_study.id))
    url = f"{site_url.rstrip('/')}/{path}" if site_url else path
    text = (
        f"{site_name} editors ({case_study.published.year}). {case_study.title}: case study of "
        f"{case_study.locality}. {site_name}. Published {format_date(case_study.published)}; last reviewed "
        f"{format_date(case_study.last_reviewed)}. {url}"
    )
    csl = {
        "id": case_study.id,
        "type": "webpage",
        "title": case_study.title,
        "author": [{"literal": f"{site_name} editors"}],
        "container-title": site_name,
        "issued": {"date-parts": [[case_study.published.year, case_study.published.month, case_study.published.day]]},
        "URL": url,
        "note": f"Case study of {case_study.locality}; last reviewed {case_study.last_reviewed.isoformat()}",
    }
    return Citation(text, json.dumps([csl], indent=2, ensure_ascii=False))
