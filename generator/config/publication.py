"""Who publishes the site, under which licences, and where its files live on the code host.

Read from the engine's configuration (in mkdocs.yml: `repo_url`, `edit_uri` and
`extra.publication`) by the adapter and handed to the core as plain values, so that the footer,
the case-study pages, the accessibility statement, the open data page and the proposal form all
say the same thing.

Decisions, written down:
- **Content and data licence: Creative Commons Attribution 4.0 (CC BY 4.0) by default.** It is
  the licence the open-data community reads without a lawyer, allows any reuse with credit, and
  the UK's Open Government Licence v3.0 was written to be compatible with it, so a council can
  publish or reuse the case studies under either. A publisher may set another in mkdocs.yml.
- **Code licence: MIT** (the LICENSE file), with the JSON Schema under it too, because tools
  that check files against the schema copy it.
- **Code host: GitHub only.** Its "new file", "edit" and issue-form addresses take the
  file's content and the form's fields as query parameters; with any other `repo_url` the site
  offers download and copy only and leaves the edit and report links out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from generator.problems import SetupError

GITHUB = re.compile(r"https://github\.com/([A-Za-z0-9][A-Za-z0-9-]{0,38})/([A-Za-z0-9._-]{1,100})")
BRANCH_IN_EDIT_URI = re.compile(r"(?:edit|blob)/([A-Za-z0-9._/-]{1,200}?)/docs/?")
WEB_ADDRESS = re.compile(r"https?://[^\s<>\"'`]{1,1990}")
EMAIL = re.compile(r"[^@\s<>\"'`?&%#/:]{1,100}@[^@\s<>\"'`?&%#/:.]{1,100}(\.[^@\s<>\"'`?&%#/:.]{1,60}){1,5}")
MAX_TEXT = 200
DEFAULT_BRANCH = "main"

# The issue forms in .github/ISSUE_TEMPLATE that the site links to, and the field each
# link fills in (GitHub pre-fills an issue form's field from the query parameter of its id).
CORRECTION_FORM = "correction.yml"
NEW_CASE_STUDY_FORM = "new-case-study.yml"
SITE_PROBLEM_FORM = "site-problem.yml"
CASE_STUDY_FIELD = "case-study"


class PublicationError(SetupError):
    """mkdocs.yml's publication settings are missing or hold a value the site cannot show safely."""


@dataclass(frozen=True)
class Licence:
    name: str
    url: str


@dataclass(frozen=True)
class CodeHost:
    """Addresses on GitHub for the repository the site is built from."""

    repository: str  # https://github.com/owner/name
    branch: str

    def edit_file(self, path: str) -> str:
        return f"{self.repository}/edit/{quote(self.branch)}/{quote(path)}"

    def view_file(self, path: str) -> str:
        return f"{self.repository}/blob/{quote(self.branch)}/{quote(path)}"

    def file_history(self, path: str) -> str:
        return f"{self.repository}/commits/{quote(self.branch)}/{quote(path)}"

    def commit(self, commit_id: str) -> str:
        return f"{self.repository}/commit/{quote(commit_id)}"

    def new_file_base(self) -> str:
        """The "new file" page; the proposal form adds `filename` and `value` itself."""
        return f"{self.repository}/new/{quote(self.branch)}"

    def new_issue(self, form: str, title: str = "", fields: Mapping[str, str] | None = None) -> str:
        query = {"template": form, **({"title": title} if title else {}), **(fields or {})}
        return f"{self.repository}/issues/new?{urlencode(query, quote_via=quote)}"

    @property
    def issues(self) -> str:
        return f"{self.repository}/issues"


@dataclass(frozen=True)
class Publication:
    publisher: str
    publisher_url: str | None
    email: str | None
    content_licence: Licence
    code_licence: Licence
    host: CodeHost | None

    @property
    def proposal_issue(self) -> str | None:
        """The issue form for proposing a case study without the form's file."""
        return self.host.new_issue(NEW_CASE_STUDY_FORM) if self.host else None

    def site_problem_issue(self, title: str = "") -> str | None:
        return self.host.new_issue(SITE_PROBLEM_FORM, title) if self.host else None

    def report_problem(self, case_study_id: str, title: str) -> str | None:
        """A pre-filled correction issue naming the case study, or None without a code host."""
        if self.host is None:
            return None
        return self.host.new_issue(CORRECTION_FORM, f"Correction: {title}", {CASE_STUDY_FIELD: case_study_id})


CC_BY = Licence("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")
MIT = "MIT"
# For builds without an engine's settings (tests, benchmarks): no code host, so no edit links.
DEFAULT_PUBLICATION = Publication(
    "Effective Practice Repository", None, None, CC_BY, Licence(MIT, "https://opensource.org/license/mit"), None
)


def publication_from(repo_url: str | None, edit_uri: str | None, settings: Any) -> Publication:
    """The publication settings, checked; raises PublicationError naming the setting at fault."""
    if not isinstance(settings, Mapping):
        raise PublicationError("mkdocs.yml: extra.publication must be a set of fields, with at least publisher:")
    unknown = sorted(str(k) for k in settings if k not in _KNOWN)
    if unknown:
        raise PublicationError(
            f"mkdocs.yml: extra.publication has unknown settings {', '.join(unknown)}; known: {', '.join(_KNOWN)}"
        )
    host = _code_host(repo_url, edit_uri)
    code_default = Licence(MIT, host.view_file("LICENSE") if host else "https://opensource.org/license/mit")
    return Publication(
        publisher=_text(settings.get("publisher"), "publisher"),
        publisher_url=_optional(settings.get("publisher_url"), "publisher_url", WEB_ADDRESS),
        email=_optional(settings.get("email"), "email", EMAIL),
        content_licence=_licence(settings.get("content_licence"), "content_licence", CC_BY),
        code_licence=_licence(settings.get("code_licence"), "code_licence", code_default),
        host=host,
    )


_KNOWN = ("publisher", "publisher_url", "email", "content_licence", "code_licence")


def _code_host(repo_url: str | None, edit_uri: str | None) -> CodeHost | None:
    if not repo_url:
        return None
    match = GITHUB.fullmatch(repo_url.rstrip("/").removesuffix(".git"))
    if match is None:
        return None  # another host: the site offers download and copy only
    branch = DEFAULT_BRANCH
    if edit_uri:
        found = BRANCH_IN_EDIT_URI.fullmatch(edit_uri.strip("/") + "/")
        if found is None:
            raise PublicationError(
                f"mkdocs.yml: edit_uri '{edit_uri[:80]}' is not edit/<branch>/docs/; the site reads the branch from it"
            )
        branch = found.group(1)
    return CodeHost(f"https://github.com/{match.group(1)}/{match.group(2)}", branch)


def _text(value: object, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise PublicationError(f"mkdocs.yml: extra.publication.{name} must be set to a name")
    if len(value) > MAX_TEXT or any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in value):
        raise PublicationError(
            f"mkdocs.yml: extra.publication.{name} must be one line of at most {MAX_TEXT} characters"
        )
    return value.strip()


def _optional(value: object, name: str, form: re.Pattern[str]) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or form.fullmatch(value) is None:
        kind = "an email address" if form is EMAIL else "a web address starting https:// or http://"
        raise PublicationError(f"mkdocs.yml: extra.publication.{name} must be {kind}")
    return value


def _licence(value: object, name: str, default: Licence) -> Licence:
    if value is None:
        return default
    if not isinstance(value, Mapping) or set(value) != {"name", "url"}:
        raise PublicationError(f"mkdocs.yml: extra.publication.{name} must have exactly name: and url:")
    url = _optional(value["url"] or "", f"{name}.url", WEB_ADDRESS) or ""
    return Licence(_text(value["name"], f"{name}.name"), url)
