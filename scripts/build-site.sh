#!/usr/bin/env bash
# Build the site from the shipped collection into site/ (installing what it needs first).
# Any extra arguments go to `mkdocs build`, e.g. --site-dir /tmp/site.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/practice build "$@"
echo "Site built in site/. Preview it with: .venv/bin/practice serve"
