"""How much of the taxonomy the collection covers: the gaps readers see on the gap map and the
outcome pages, and how well sourced the collection is.

    python benchmarks/coverage.py [--root PATH]

Counts from the YAML files directly (not from the built site), so that the figures for two
checkouts can be set side by side: run it in an old worktree with --root and compare.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]


def coverage(root: Path) -> dict[str, int | str]:
    taxonomy = yaml.safe_load((root / "schema" / "taxonomy.yaml").read_text(encoding="utf-8"))
    ids = {name: [term["id"] for term in taxonomy[name]] for name in ("themes", "characteristics", "outcome_domains")}
    studies = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((root / "practice").glob("*.yaml"))]

    def cells(rows: str, row_ids_of) -> tuple[int, int]:
        filled = {(r, c) for s in studies for r in row_ids_of(s) for c in s["characteristics"]}
        total = len(ids[rows]) * len(ids["characteristics"])
        return total - len(filled & {(r, c) for r in ids[rows] for c in ids["characteristics"]}), total

    def domains(study) -> set[str]:
        return {o["domain"] for o in study["outcomes"]}

    theme_gaps, theme_cells = cells("themes", lambda s: s["themes"])
    outcome_gaps, outcome_cells = cells("outcome_domains", domains)
    used_domains = set().union(*(domains(s) for s in studies)) if studies else set()
    sources = [source for s in studies for source in s["sources"]]
    ratings = [s["evidence"]["rating"] for s in studies]
    return {
        "case studies": len(studies),
        "fully validated / promising / emerging": " / ".join(
            str(ratings.count(r)) for r in ("fully-validated", "promising", "emerging")
        ),
        "outcomes recorded": sum(len(s["outcomes"]) for s in studies),
        "outcome domains with no case study": sum(1 for d in ids["outcome_domains"] if d not in used_domains),
        "themes with no case study": sum(1 for t in ids["themes"] if not any(t in s["themes"] for s in studies)),
        "empty gap map cells, themes by characteristics": f"{theme_gaps} of {theme_cells}",
        "empty gap map cells, outcomes by characteristics": f"{outcome_gaps} of {outcome_cells}",
        "sources": len(sources),
        "sources with a web address": sum(1 for source in sources if source.get("url")),
        "case studies with no source address": sum(1 for s in studies if not any(x.get("url") for x in s["sources"])),
        "evaluation reports cited": sum(1 for source in sources if source["kind"] == "evaluation"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=REPO, help="a checkout of the repository (default: this one)")
    args = parser.parse_args()
    for name, value in coverage(args.root).items():
        print(f"{name}: {value}")


if __name__ == "__main__":
    main()
