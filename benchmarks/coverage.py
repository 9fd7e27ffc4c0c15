"""How much of the taxonomy the collection covers: the gaps readers see on the gap map and the
outcome pages, and how well sourced the collection is.

    python benchmarks/coverage.py [--root PATH]

Reads the collection through the validator, as the build does (so a file it refuses is not
counted, and is reported), from the YAML files rather than the built site, so that the figures
for two checkouts can be set side by side: run it with --root pointing at an old worktree.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.check.collection import check_collection  # noqa: E402
from generator.config.project import Project  # noqa: E402
from generator.config.taxonomy import Taxonomy  # noqa: E402
from generator.model import CaseStudy  # noqa: E402


def coverage(root: Path) -> dict[str, int | str]:
    project = Project(root)
    taxonomy = Taxonomy.load(project.taxonomy_path)
    collection = check_collection(project, taxonomy=taxonomy)
    studies = collection.case_studies
    characteristics = taxonomy.characteristics.ids

    def empty_cells(rows: list[str], row_ids_of: Callable[[CaseStudy], Iterable[str]]) -> str:
        filled = {(r, c) for s in studies for r in row_ids_of(s) for c in s.characteristics}
        grid = {(r, c) for r in rows for c in characteristics}
        return f"{len(grid - filled)} of {len(grid)}"

    def domains(study: CaseStudy) -> set[str]:
        return {o.domain for o in study.outcomes}

    used_domains = {d for s in studies for d in domains(s)}
    sources = [source for s in studies for source in s.sources]
    ratings = [s.evidence.rating for s in studies]
    return {
        "case studies": len(studies),
        "files the validator refused": collection.files_checked - len(studies),
        "fully validated / promising / emerging": " / ".join(
            str(ratings.count(r)) for r in ("fully-validated", "promising", "emerging")
        ),
        "outcomes recorded": sum(len(s.outcomes) for s in studies),
        "outcome domains with no case study": sum(1 for d in taxonomy.outcome_domains.ids if d not in used_domains),
        "themes with no case study": sum(1 for t in taxonomy.themes.ids if not any(t in s.themes for s in studies)),
        "empty gap map cells, themes by characteristics": empty_cells(taxonomy.themes.ids, lambda s: s.themes),
        "empty gap map cells, outcomes by characteristics": empty_cells(taxonomy.outcome_domains.ids, domains),
        "sources": len(sources),
        "sources with a web address": sum(1 for source in sources if source.url),
        "case studies with no source address": sum(1 for s in studies if not any(x.url for x in s.sources)),
        "evaluation reports cited": sum(1 for source in sources if source.kind == "evaluation"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=REPO, help="a checkout of the repository (default: this one)")
    args = parser.parse_args()
    for name, value in coverage(args.root).items():
        print(f"{name}: {value}")


if __name__ == "__main__":
    main()
