"""Where each generated page lives, and links between pages.

Pages are addressed by their source path (practice/leeds-family-valued.md); the site uses
directory URLs (practice/leeds-family-valued/), so links are computed here rather than left
to the engine, which does not rewrite links inside HTML blocks.
"""

from __future__ import annotations

HOME = "index.md"
ABOUT_EVIDENCE = "about/evidence.md"
GLOSSARY = "about/glossary.md"
OPEN_DATA = "data/index.md"
FINDER = "finder/index.md"
FINDER_DATA = "finder/data.json"  # what the finder's script filters (render/finder_data.py)
SEARCH = "search/index.md"  # the results page the header search opens (search/?q=…)
GAP_MAP = "gap-map/index.md"
GAP_MAP_OUTCOMES = "gap-map/outcomes.md"
GAP_MAP_IMPACT = "gap-map/impact-evidence.md"  # the first map: what is known, and how strongly
GAP_MAP_THEMES_OUTCOMES = "gap-map/themes-outcomes.md"
REVIEW = "editors/review.md"
EDITORS_GUIDE = "editors/index.md"
CONTRIBUTE = "contributing/index.md"  # how to propose a case study: in the browser, or with git
PROPOSE = "contributing/propose.md"  # the proposal form
ACCESSIBILITY = "about/accessibility.md"
PRIVACY = "about/privacy.md"
FORMAT = "contributing/format.md"  # hand-written (docs/): generated pages link to it
HAND_WRITTEN = (FORMAT,)
# Pages any template may link to, by the name templates use for them.
LINKED_PAGES = {
    "about_evidence": ABOUT_EVIDENCE,
    "glossary": GLOSSARY,
    "editors_guide": EDITORS_GUIDE,
    "review_page": REVIEW,
    "gap_map_page": GAP_MAP_IMPACT,
    "format_page": FORMAT,
    "contribute_page": CONTRIBUTE,
    "propose_page": PROPOSE,
    "accessibility_page": ACCESSIBILITY,
    "privacy_page": PRIVACY,
}


def case_study_page(case_id: str) -> str:
    return f"practice/{case_id}.md"


def finder_card(case_id: str) -> str:
    """The card the finder's script fetches for a case study (render/finder_data.py)."""
    return f"finder/cards/{case_id}.json"


def facet_page(folder: str, term_id: str | None = None) -> str:
    """themes/index.md for the overview, themes/safeguarding.md for one term."""
    return f"{folder}/{term_id or 'index'}.md"


def page_url(src_path: str) -> str:
    """The directory-style URL of a page: practice/x.md -> practice/x/, index.md -> ''."""
    stem = src_path.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_path(target: str, start: str) -> str:
    """posixpath.relpath for two paths relative to the site root ('' is the root), in string
    operations only: relpath reads the working directory and normalises absolute paths, and
    took a third of the time to render a page listing 1,000 case studies."""
    to, at = [p for p in target.split("/") if p], [p for p in start.split("/") if p]
    common = 0
    while common < min(len(to), len(at)) and to[common] == at[common]:
        common += 1
    return "/".join([".."] * (len(at) - common) + to[common:]) or "."


def relative_url(target: str, from_page: str) -> str:
    """Link from one page to another, or to an anchor on it ('about/evidence.md#promising')."""
    target_page, _, anchor = target.partition("#")
    link = relative_path(page_url(target_page), page_url(from_page))
    link = "./" if link == "." else link + "/"
    return f"{link}#{anchor}" if anchor else link


def relative_file_url(target_file: str, from_page: str) -> str:
    """Link from a page to a file that is not a page, such as data/case-studies.csv."""
    return relative_path(target_file, page_url(from_page))
