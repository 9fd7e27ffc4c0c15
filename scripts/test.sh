#!/usr/bin/env bash
# Run the whole test suite (installing what it needs first): lint, format check, pytest.
# Extra arguments go to pytest, e.g. -k schema.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export NO_MKDOCS_2_WARNING=1
.venv/bin/ruff check .
.venv/bin/ruff format --check .
# tests/conftest.py turns "no test passed" into a failure, so a run that collected or
# passed nothing can never look green.
.venv/bin/python -m pytest "$@"
