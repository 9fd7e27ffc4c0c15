"""Related practice: the case studies most like a given one."""

from __future__ import annotations

from generator.model import CaseStudy
from generator.taxonomy import Taxonomy

RELATED_COUNT = 3


def related(case_study: CaseStudy, others: list[CaseStudy], taxonomy: Taxonomy) -> list[CaseStudy]:
    """The three most similar, never itself: most shared characteristics and themes first,
    then the same region, then the stronger rating, then by title."""

    def key(other: CaseStudy) -> tuple[int, int, int, str, str]:
        shared = len(set(other.characteristics) & set(case_study.characteristics))
        shared += len(set(other.themes) & set(case_study.themes))
        same_region = other.region == case_study.region
        return (-shared, -same_region, taxonomy.ratings.rank(other.evidence.rating), other.title, other.id)

    candidates = [o for o in others if o.id != case_study.id]
    return sorted(candidates, key=key)[:RELATED_COUNT]
