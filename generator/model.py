"""The case-study model: typed, read-only views of schema-valid data.

Built only from data that passed validation, so construction does not re-check types.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from typing import Any

from generator.figures import Change, Effect, Interval, Measurement, Sample, implied_percent


@dataclass(frozen=True)
class Period:
    start: int
    end: int | str  # a year, or "ongoing"
    note: str = ""

    @property
    def ongoing(self) -> bool:
        return self.end == "ongoing"

    def __str__(self) -> str:
        if self.ongoing:
            return f"{self.start} – ongoing"
        return str(self.start) if self.end == self.start else f"{self.start} – {self.end}"


@dataclass(frozen=True)
class Outcome:
    measure: str
    for_whom: str
    domain: str  # an outcome domain id
    design: str  # a designs id: how the figures were measured
    source: str  # the id of the source the figures come from
    direction: str  # a directions id: improved, no-clear-change, worse, mixed or not-applicable
    change: Change
    better: str = ""  # "lower" or "higher" where the outcome has figures to compare
    baseline: Measurement | None = None
    follow_up: Measurement | None = None
    comparison: Measurement | None = None  # a comparison group's figure; follow_up is then the practice's
    sample: Sample | None = None
    effect: Effect | None = None
    note: str = ""

    @property
    def improved(self) -> bool:
        return self.direction == IMPROVED

    @property
    def is_quantitative(self) -> bool:
        figures = (self.baseline, self.follow_up, self.comparison)
        return any(m is not None for m in figures) or self.change.percent is not None

    @property
    def reference(self) -> Measurement | None:
        """What follow_up is set against: the comparison group's figure, else the figure before
        (a trial's effect is against its control group, whatever the groups did over time)."""
        return self.comparison if self.comparison is not None else self.baseline

    @property
    def implied_percent(self) -> float | None:
        reference, follow_up = self.reference, self.follow_up
        return None if reference is None or follow_up is None else implied_percent(reference.value, follow_up.value)


IMPROVED = "improved"


@dataclass(frozen=True)
class Money:
    what: str
    currency: str
    unit: str  # in the source's terms: "per family per year", "total, over three years"
    source: str
    covers: str  # which kind of amount: per-family, per-child, per-year, total or per-pound-spent
    price_year: int | None = None
    amount: float | None = None
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True)
class Evidence:
    rating: str
    rated_by: str
    rated_on: date
    basis: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class Audience:
    age_groups: tuple[str, ...]
    target_groups: tuple[str, ...]


@dataclass(frozen=True)
class Source:
    id: str  # unique in its file; outcomes name it
    title: str
    kind: str  # a source kind id
    access: str  # a source_access id: how much of the document the repository holds
    publisher: str = ""  # "" where the document (or the part of it read) does not name one
    date: str = ""  # YYYY, YYYY-MM or YYYY-MM-DD; "" for an undated document, as many web pages are
    author: str = ""
    url: str = ""
    note: str = ""


@dataclass(frozen=True)
class Stopped:
    reason: str  # why the practice stopped, as the sources say


@dataclass(frozen=True)
class ModelLink:
    id: str  # a practice model id
    role: str  # "originated" or "adopted"


@dataclass(frozen=True)
class Implementation:
    team: tuple[str, ...] = ()
    training: str = ""
    set_up: str = ""
    set_up_months: int | None = None
    funding: str = ""
    prerequisites: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Contact:
    organisation: str
    role: str = ""
    email: str = ""
    url: str = ""


@dataclass(frozen=True)
class CaseStudy:
    id: str
    title: str
    locality: str
    region: str
    period: Period
    stopped: Stopped | None
    summary: str
    headline: str  # the main result in one sentence, for cards
    description: str
    model: ModelLink | None
    themes: tuple[str, ...]
    characteristics: dict[str, str]  # characteristic id -> how the practice shows it
    evidence: Evidence
    outcomes: tuple[Outcome, ...]
    costs: tuple[Money, ...]
    claimed_savings: tuple[Money, ...]
    implementation: Implementation | None
    audience: Audience
    setting: str
    partners: tuple[str, ...]
    sources: tuple[Source, ...]
    contact: Contact | None
    published: date
    last_reviewed: date
    source_file: str  # as shown to editors, e.g. practice/leeds-family-valued.yaml

    @property
    def updated(self) -> date:
        """When it last changed: published, or reviewed since."""
        return max(self.published, self.last_reviewed)

    @classmethod
    def from_data(cls, data: dict[str, Any], source_file: str) -> CaseStudy:
        return cls(
            id=data["id"],
            title=data["title"],
            locality=data["locality"],
            region=data["region"],
            period=Period(**data["period"]),
            stopped=Stopped(**data["stopped"]) if "stopped" in data else None,
            summary=data["summary"],
            headline=data["headline"],
            description=data["description"],
            model=ModelLink(**data["model"]) if "model" in data else None,
            themes=tuple(data["themes"]),
            characteristics=dict(data["characteristics"]),
            evidence=Evidence(
                rating=data["evidence"]["rating"],
                rated_by=data["evidence"]["rated_by"],
                rated_on=date.fromisoformat(data["evidence"]["rated_on"]),
                basis=tuple(data["evidence"]["basis"]),
                note=data["evidence"].get("note", ""),
            ),
            outcomes=tuple(_outcome(o) for o in data["outcomes"]),
            costs=tuple(_money(m) for m in data.get("costs", [])),
            claimed_savings=tuple(_money(m) for m in data.get("claimed_savings", [])),
            implementation=_implementation(data["implementation"]) if "implementation" in data else None,
            audience=Audience(
                age_groups=tuple(data["audience"]["age_groups"]),
                target_groups=tuple(data["audience"]["target_groups"]),
            ),
            setting=data["setting"],
            partners=tuple(data["partners"]),
            sources=tuple(Source(**s) for s in data["sources"]),
            contact=Contact(**data["contact"]) if "contact" in data else None,
            published=date.fromisoformat(data["published"]),
            last_reviewed=date.fromisoformat(data["last_reviewed"]),
            source_file=source_file,
        )


def _measurement(data: dict[str, Any] | None) -> Measurement | None:
    return Measurement(**data) if data else None


def _outcome(data: dict[str, Any]) -> Outcome:
    return Outcome(
        measure=data["measure"],
        for_whom=data["for_whom"],
        domain=data["domain"],
        design=data["design"],
        source=data["source"],
        direction=data["direction"],
        change=Change(**data["change"]),
        better=data.get("better", ""),
        baseline=_measurement(data.get("baseline")),
        follow_up=_measurement(data.get("follow_up")),
        comparison=_measurement(data.get("comparison")),
        sample=Sample(**data["sample"]) if "sample" in data else None,
        effect=_effect(data["effect"]) if "effect" in data else None,
        note=data.get("note", ""),
    )


def _effect(data: dict[str, Any]) -> Effect:
    interval = data.get("interval")
    return Effect(**{**data, "interval": Interval(**interval) if interval else None})


def _implementation(data: dict[str, Any]) -> Implementation:
    return Implementation(
        **{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()},
    )


def _money(data: dict[str, Any]) -> Money:
    amount_range = data.get("amount_range", {})
    return Money(
        what=data["what"],
        currency=data["currency"],
        unit=data["unit"],
        covers=data["covers"],
        price_year=data.get("price_year"),
        source=data["source"],
        amount=data.get("amount"),
        low=amount_range.get("low"),
        high=amount_range.get("high"),
    )


def _plain(value: Any) -> Any:
    """Dataclass fields to the schema's plain data: dates as text, no empty optional fields.
    (Read field by field: dataclasses.asdict deep-copies every value first, which made the
    open data export of 1,000 case studies take half a second.)"""
    if isinstance(value, date):
        return value.isoformat()
    if is_dataclass(value):
        value = {f.name: getattr(value, f.name) for f in fields(value)}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None and v != ""}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def to_data(case_study: CaseStudy) -> dict[str, Any]:
    """The case study in the shape of the schema: what from_data reads back."""
    data = _plain(case_study)
    data.pop("source_file")
    if "implementation" in data:  # its lists are optional: an empty one was never written
        data["implementation"] = {k: v for k, v in data["implementation"].items() if v != []}
    for key in ("costs", "claimed_savings"):
        moneys = []
        for money in data.pop(key):
            low, high = money.pop("low", None), money.pop("high", None)
            if low is not None or high is not None:
                money["amount_range"] = {"low": low, "high": high}
            moneys.append(money)
        if moneys:
            data[key] = moneys
    return data
