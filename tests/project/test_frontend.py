"""The front-end source tree (frontend/): its contract with Python is the one Python writes,
its bundles in docs/assets/ are what the source builds, ESLint finds nothing, and its unit
tests (node --test) pass. A value changed in Python reaches the JavaScript through the contract."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from generator.contract import CONTRACT, browser_contract, render_contract
from tests.conftest import REPO

BUILD = REPO / "scripts" / "build-frontend.mjs"


def _node() -> str:
    node = shutil.which("node")
    assert node, "Node.js is needed for this test: install it (the README's test command does)"
    assert (REPO / "node_modules" / "esbuild").is_dir(), "npm packages missing: run bash scripts/setup.sh test"
    return node


def _build(out: Path, root: Path = REPO) -> None:
    result = subprocess.run(
        [_node(), str(BUILD), str(out), str(root)], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr


def test_the_contract_file_is_what_python_states():
    assert (REPO / CONTRACT).read_text(encoding="utf-8") == render_contract(), (
        f"{CONTRACT} is stale: run python -m generator.contract, then node scripts/build-frontend.mjs"
    )


def test_the_committed_bundles_are_what_the_source_builds(tmp_path):
    _build(tmp_path)
    built = sorted(path.name for path in tmp_path.iterdir())
    assert built, "the build wrote no bundle"
    for name in built:
        assert (tmp_path / name).read_bytes() == (REPO / "docs" / "assets" / name).read_bytes(), (
            f"docs/assets/{name} is stale: run node scripts/build-frontend.mjs and commit it"
        )


def test_eslint_finds_nothing():
    _node()
    eslint = REPO / "node_modules" / ".bin" / "eslint"
    result = subprocess.run([str(eslint), "."], cwd=REPO, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_javascript_unit_tests_pass_and_there_are_some():
    result = subprocess.run(
        [_node(), "--test", "--test-reporter=tap", "frontend/"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    counts = dict(re.findall(r"^# (pass|fail) (\d+)$", result.stdout, re.MULTILINE))
    assert result.returncode == 0 and counts.get("fail") == "0", result.stdout[-3000:] + result.stderr
    assert int(counts["pass"]) >= 7, counts


def test_a_value_changed_in_python_reaches_the_javascript(tmp_path):
    """Change the contract as Python would state it, rebuild a copy of the source, and the
    bundled engine cuts words and drops stop words by the new values, and hands the new page
    size to the pages' scripts (search.js reads it from the engine)."""
    root = tmp_path / "copy"
    shutil.copytree(REPO / "frontend", root / "frontend")
    shutil.copytree(REPO / "scripts", root / "scripts")
    (root / "node_modules").symlink_to(REPO / "node_modules")
    changed = browser_contract()
    changed["search"]["max_word"] = 5
    changed["search"]["page_size"] = 3
    changed["search"]["stop_words"] = [*changed["search"]["stop_words"], "care"]
    (root / CONTRACT).write_text(render_contract(changed), encoding="utf-8")
    _build(tmp_path / "out", root)
    probe = (
        "const engine = require(process.argv[1]);"
        "console.log(JSON.stringify({lengths: engine.words('abcdefgh').map((w) => w.length),"
        "keys: engine.parse('kids care').units.map((u) => u.key), pageSize: engine.contract.search.page_size}));"
    )
    result = subprocess.run(
        [_node(), "-e", probe, str(tmp_path / "out" / "search-engine.js")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "lengths": [5, 3],
        "keys": ["kid"],
        "pageSize": 3,
    }  # "care" now a stop word; "kids" stemmed
