"""Facts the browser code shares with Python, stated once here and written as one JSON file
per feature (frontend/FEATURE/contract.json: finder, search, proposal), which that
feature's modules import; esbuild bundles it into docs/assets/, so a page loads only its own
feature's part. A test fails when a file differs from what this module would write.

What comes from the collection's own configuration (schema/taxonomy.yaml: the ratings'
standards, the outcome areas that count activity) is not bundled: the generator writes it into
the page that needs it (`form_rules`), so an edited taxonomy needs no rebuilt bundle.

    python -m generator.contract           rewrite the contract files
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from generator.check import markdown_check, outcome_rules, rules
from generator.check.rule_words import WORDS
from generator.check.schema_messages import SCHEMA_TYPE_NAMES, SHOWN_LENGTH
from generator.check.schema_validator import KEYWORD_RANK, MAX_SCHEMA_ERRORS
from generator.config import rating_schema
from generator.config.schema_sync import DIRECTION_CLASS, TEXT_CHARACTERS
from generator.config.standards import RatingStandard, unmet_message
from generator.config.taxonomy import Taxonomy
from generator.config.web_address import MAX_URL_LENGTH, URL_PATTERN
from generator.figures import MAX_IMPLIED_PERCENT
from generator.impact import COUNT, NOT_A_CHANGE
from generator.model import IMPROVED
from generator.render.browse import FINDER_PAGE_SIZE, FINDER_SORTS
from generator.render.finder_data import FORMAT as FINDER_DATA_FORMAT
from generator.search.index_writer import FORMAT
from generator.search.records import FACETS as SEARCH_FACETS
from generator.search.words import MAX_WORD, STOP_WORDS

FRONTEND = Path("frontend")


def contract_path(feature: str) -> Path:
    """Where a feature's part of the contract is written, relative to the repository."""
    return FRONTEND / feature / "contract.json"


SEARCH_PANEL_SIZE = 8  # results the header's search panel shows before "More results"
SEARCH_PAGE_SIZE = 20  # results the results page shows before "More results"


def browser_contract() -> dict[str, Any]:
    return {
        "finder": {
            "data_format": FINDER_DATA_FORMAT,  # finder/data.json's format; the script refuses another
            "page_size": FINDER_PAGE_SIZE,
            "sorts": [list(sort) for sort in FINDER_SORTS],
        },
        "search": {
            "direction_controls": DIRECTION_CLASS,  # left out of a query the page quotes (schema_sync.py)
            "facets": [[name, legend] for name, legend in SEARCH_FACETS.items()],  # the results page's filters
            "index_format": FORMAT,  # the search index's format number; the engine refuses another
            "max_word": MAX_WORD,  # letters in a word; a longer run is cut into words of this length
            "page_size": SEARCH_PAGE_SIZE,
            "panel_size": SEARCH_PANEL_SIZE,
            "stop_words": sorted(STOP_WORDS),
        },
        "proposal": {
            # How the validator words the schema's errors (check/schema_messages.py, schema_validator.py).
            "messages": {
                "keyword_rank": sorted(KEYWORD_RANK, key=KEYWORD_RANK.__getitem__),  # the most telling first
                "max_errors": MAX_SCHEMA_ERRORS,
                "rating_mark": rating_schema.MARK,
                "shown_length": SHOWN_LENGTH,
                "type_names": SCHEMA_TYPE_NAMES,
            },
            # The rules beyond the schema (check/rules.py, outcome_rules.py) and their words.
            "rules": {
                "comparison_designs": list(outcome_rules.COMPARISON_DESIGNS),
                "count": COUNT,
                "improved": IMPROVED,
                "max_guessed": outcome_rules.MAX_GUESSED,
                "max_ids_listed": outcome_rules.MAX_IDS_LISTED,
                "max_implied_percent": MAX_IMPLIED_PERCENT,
                "max_placeholders": rules.MAX_PLACEHOLDERS_SHOWN,
                "max_shown": outcome_rules.MAX_SHOWN,
                "not_applicable": NOT_A_CHANGE,
                "placeholder": rules.PLACEHOLDER,
                "words": {key: list(pair) for key, pair in WORDS.items()},
                "worse": outcome_rules.WORSE,
                # The description's Markdown subset (check/markdown_check.py), and the addresses it may link to.
                "markdown": {
                    "max_issues": markdown_check.MAX_ISSUES,
                    "max_level": markdown_check.MAX_LEVEL,
                    "not_allowed": {kind: list(words) for kind, words in markdown_check.NOT_ALLOWED.items()},
                },
                "forbidden_text": TEXT_CHARACTERS["not"]["pattern"],  # what no text may hold (schema_sync)
                "web_address": {"pattern": URL_PATTERN, "max_length": MAX_URL_LENGTH},
            },
        },
    }


def _standard(rating_id: str, standard: RatingStandard, labels: dict[str, dict[str, str]]) -> dict[str, Any]:
    keys = (["basis"] if standard.basis_any_of else []) + (["outcome"] if standard.outcome else [])
    return {
        "basis_any_of": list(standard.basis_any_of),
        "outcome": None
        if standard.outcome is None
        else {
            name: list(value) if isinstance(value, tuple) else value for name, value in vars(standard.outcome).items()
        },
        "unmet": {key: list(unmet_message(rating_id, standard, key, labels)) for key in keys},
    }


def form_rules(taxonomy: Taxonomy) -> dict[str, Any]:
    """What the proposal form's rules read from the taxonomy (frontend/proposal/rules.js): each
    rating's standard with the validator's words for each unmet requirement, and the outcome
    areas that count activity."""
    labels = taxonomy.labels()
    return {
        "outputs": sorted(taxonomy.outputs),
        "ratings": {rating.id: _standard(rating.id, rating.standard, labels) for rating in taxonomy.ratings.terms},
    }


def render_contract(contract: dict[str, Any] | None = None) -> dict[Path, str]:
    """Each feature's contract file and its text."""
    parts = contract or browser_contract()
    return {
        contract_path(feature): json.dumps(part, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        for feature, part in parts.items()
    }


def write_contract(root: Path, contract: dict[str, Any] | None = None) -> list[Path]:
    written = []
    for path, text in render_contract(contract).items():
        (root / path).write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main() -> int:
    written = write_contract(Path(__file__).resolve().parents[1])
    print(f"Wrote {', '.join(map(str, written))}; rebuild the bundles with: node scripts/build-frontend.mjs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
