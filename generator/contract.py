"""Facts the browser code shares with Python, stated once here and written to
frontend/contract.json, which the browser modules import (esbuild bundles it into
docs/assets/). A test fails when the file differs from what this module would write.

    python -m generator.contract           rewrite frontend/contract.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from generator.search.index_writer import FORMAT
from generator.search.words import MAX_WORD, STOP_WORDS

CONTRACT = Path("frontend") / "contract.json"
SEARCH_PANEL_SIZE = 8  # results the header's search panel shows before "More results"
SEARCH_PAGE_SIZE = 20  # results the results page shows before "More results"


def browser_contract() -> dict[str, Any]:
    return {
        "search": {
            "index_format": FORMAT,  # the search index's format number; the engine refuses another
            "max_word": MAX_WORD,  # letters in a word; a longer run is cut into words of this length
            "page_size": SEARCH_PAGE_SIZE,
            "panel_size": SEARCH_PANEL_SIZE,
            "stop_words": sorted(STOP_WORDS),
        },
    }


def render_contract(contract: dict[str, Any] | None = None) -> str:
    return json.dumps(contract or browser_contract(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> int:
    path = Path(__file__).resolve().parents[1] / CONTRACT
    path.write_text(render_contract(), encoding="utf-8")
    print(f"Wrote {CONTRACT}; rebuild the bundles with: node scripts/build-frontend.mjs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
