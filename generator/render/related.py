"""Related practice: the case studies most like a given one.

The order is: most characteristics and themes shared first, then the same region, then the
stronger rating, then by title (and id). Comparing every case study with every other is
O(N^2): 100 million comparisons at 10,000. Instead case studies are grouped by what the
order looks at (their tags, region and rating); groups are ranked once per distinct kind of
case study, and only the first groups in that ranking are read.
"""

from __future__ import annotations

import heapq
import itertools
from collections import defaultdict
from collections.abc import Iterator

from generator.config.taxonomy import Taxonomy
from generator.model import CaseStudy

RELATED_COUNT = 3

Profile = tuple[int, str, int]  # (bit mask of characteristics and themes, region, rating rank)


class RelatedPractice:
    """Answers `related(case_study)` for one collection."""

    def __init__(self, case_studies: list[CaseStudy], taxonomy: Taxonomy):
        tags = [*(f"c:{t}" for t in taxonomy.characteristics.ids), *(f"t:{t}" for t in taxonomy.themes.ids)]
        self._bits = {tag: 1 << index for index, tag in enumerate(tags)}
        self._rank = {rating: taxonomy.ratings.rank(rating) for rating in taxonomy.ratings.ids}
        groups: dict[Profile, list[CaseStudy]] = defaultdict(list)
        for case_study in case_studies:
            groups[self._profile(case_study)].append(case_study)
        self._groups = {profile: sorted(members, key=_by_title) for profile, members in groups.items()}
        self._rankings: dict[tuple[int, str], list[list[Profile]]] = {}

    def _profile(self, case_study: CaseStudy) -> Profile:
        mask = 0
        for characteristic in case_study.characteristics:
            mask |= self._bits[f"c:{characteristic}"]
        for theme in case_study.themes:
            mask |= self._bits[f"t:{theme}"]
        return mask, case_study.region, self._rank[case_study.evidence.rating]

    def _ranking(self, mask: int, region: str) -> list[list[Profile]]:
        """The groups in order of likeness to a case study with these tags and region; groups
        equally alike share a tier, whose members are then ordered by title."""
        key = (mask, region)
        if key not in self._rankings:

            def likeness(profile: Profile) -> tuple[int, int, int]:
                other_mask, other_region, rank = profile
                return -(mask & other_mask).bit_count(), -(other_region == region), rank

            ordered = sorted(self._groups, key=likeness)
            self._rankings[key] = [list(tier) for _, tier in itertools.groupby(ordered, key=likeness)]
        return self._rankings[key]

    def __call__(self, case_study: CaseStudy) -> list[CaseStudy]:
        """The three most similar, never itself."""
        mask, region, _ = self._profile(case_study)
        found: list[CaseStudy] = []
        for tier in self._ranking(mask, region):
            for other in self._merged(tier):
                if other.id != case_study.id:
                    found.append(other)
                    if len(found) == RELATED_COUNT:
                        return found
        return found

    def _merged(self, tier: list[Profile]) -> Iterator[CaseStudy]:
        if len(tier) == 1:
            return iter(self._groups[tier[0]])
        return heapq.merge(*(self._groups[profile] for profile in tier), key=_by_title)


def _by_title(case_study: CaseStudy) -> tuple[str, str]:
    return case_study.title, case_study.id
