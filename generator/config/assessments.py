"""National evidence on a practice model: what assessors and national trials found.

A model in schema/taxonomy.yaml may list `assessments`, each with who assessed it (`by`: the
Foundations Guidebook, CEBC, Blueprints, the What Works Clearinghouse, a named national
trial), the `finding` as the assessor words it (null results included), the `design` it rests
on, its `date` and `url` where known, and how much of it the repository holds (`access`). The
model's page lists them and every case study of the model shows them in At a glance, so a
local success is read beside what national evidence found.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from generator.config.web_address import is_web_address

REQUIRED = ("by", "finding", "design", "access")
OPTIONAL = ("date", "url")
TEXT_LIMITS = {"by": 200, "finding": 600}
MAX_ASSESSMENTS = 20
DATE = re.compile(r"(19[0-9]{2}|20[0-9]{2})(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?")


@dataclass(frozen=True)
class Assessment:
    by: str
    finding: str
    design: str  # a designs id
    access: str  # a source_access id
    date: str = ""  # YYYY, YYYY-MM or YYYY-MM-DD, only where the assessment is dated
    url: str = ""


def _real_date(text: str) -> bool:
    if not DATE.fullmatch(text):
        return False
    year, month, day = (int(part) for part in (text + "-01-01")[:10].split("-"))
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _forbidden(text: str) -> bool:
    from generator.config.schema_sync import TEXT_CHARACTERS  # the schema's own character rule

    return re.search(TEXT_CHARACTERS["not"]["pattern"], text) is not None


def _problem(entry: dict[str, Any], known: Mapping[str, list[str]]) -> tuple[list[str | int], str]:
    for key in entry:
        if key not in REQUIRED + OPTIONAL:
            return [key], f"unknown key {str(key)[:40]!r}; an assessment has {', '.join(REQUIRED + OPTIONAL)}"
    for key in REQUIRED:
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            return [key] if key in entry else [], f"an assessment needs {key}, as text"
    for key in OPTIONAL:
        if key in entry and not isinstance(entry[key], str):
            return [key], f"{key} must be text (put a date in quotes)"
    for key, limit in TEXT_LIMITS.items():
        if len(entry[key]) > limit or _forbidden(entry[key]):
            return [key], f"{key} must be at most {limit} characters of plain text, with no control characters"
    for key, vocabulary in (("design", "designs"), ("access", "source_access")):
        if entry[key] not in known[vocabulary]:
            return [key], f"{key} must be one of {', '.join(known[vocabulary])}"
    if "date" in entry and not _real_date(entry["date"]):
        return ["date"], "date must be a real date written YYYY, YYYY-MM or YYYY-MM-DD"
    if "url" in entry and not is_web_address(entry["url"]):
        return ["url"], "url must be a web address starting http:// or https://"
    return [], ""


def parse_assessments(
    data: Any, known: Mapping[str, list[str]]
) -> tuple[tuple[Assessment, ...] | None, list[str | int], str]:
    """The assessments of one model, or (None, where, why) when the list is wrong."""
    if data is None:
        return (), [], ""
    if not isinstance(data, list) or not data or len(data) > MAX_ASSESSMENTS:
        return None, [], f"assessments must be a list of 1 to {MAX_ASSESSMENTS} entries"
    found = []
    for index, entry in enumerate(data):
        if not isinstance(entry, dict):
            return None, [index], "each assessment is a set of fields: " + ", ".join(REQUIRED + OPTIONAL)
        where, why = _problem(entry, known)
        if why:
            return None, [index, *where], why
        found.append(Assessment(**entry))
    return tuple(found), [], ""
