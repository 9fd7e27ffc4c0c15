"""The front-end source tree (frontend/): its contract with Python is the one Python writes,
its bundles in docs/assets/ are what the source builds, ESLint finds nothing, and its unit
tests (node --test) pass. A value changed in Python reaches the JavaScript through the contract."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from generator.contract import browser_contract, render_contract, write_contract
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


def _rebuilt(tmp_path: Path, contract: dict) -> Path:
    """The bundles built from a copy of the source whose contract Python states as `contract`."""
    root = tmp_path / "copy"
    shutil.copytree(REPO / "frontend", root / "frontend")
    shutil.copytree(REPO / "scripts", root / "scripts")
    (root / "node_modules").symlink_to(REPO / "node_modules")
    write_contract(root, contract)
    _build(tmp_path / "out", root)
    return tmp_path / "out"


def _probe(script: str, *bundles: Path) -> object:
    """What `script` prints as JSON, run in Node with the bundles' paths as its arguments."""
    result = subprocess.run(
        [_node(), "-e", script, *map(str, bundles)], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_contract_files_are_what_python_states():
    files = render_contract()
    assert len(files) >= 2
    for path, text in files.items():
        assert (REPO / path).read_text(encoding="utf-8") == text, (
            f"{path} is stale: run python -m generator.contract, then node scripts/build-frontend.mjs"
        )


def test_a_page_s_bundle_carries_only_its_own_feature_s_contract():
    """The search (on every page) and the finder do not carry the form's words, nor the form the
    stop words: each bundle holds its own feature's part of the contract, once, and no other."""
    own = {  # a text of each feature's contract, found nowhere else
        "search-engine.js": "Evidence rating",
        "finder.js": "Recently updated",
        "proposal-form.js": "period ends ({end}) before it starts ({start})",
    }
    for bundle in own:
        text = (REPO / "docs" / "assets" / bundle).read_text(encoding="utf-8")
        assert {name for name, mark in own.items() if mark in text} == {bundle}, bundle
        assert text.count(own[bundle]) == 1, f"{bundle} carries its contract more than once"


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
    """Each test file of the front-end tree runs tests and passes (one run per file, so a file
    whose tests stopped being collected shows here); together they are no fewer than when this
    were last counted (80, in 10 files), so a deleted file shows too."""
    files = sorted((REPO / "frontend").rglob("*.test.js"))
    assert len(files) >= 10, files
    total = 0
    for path in files:
        result = subprocess.run(
            [_node(), "--test", "--test-reporter=tap", str(path)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        counts = dict(re.findall(r"^# (pass|fail) (\d+)$", result.stdout, re.MULTILINE))
        assert result.returncode == 0 and counts.get("fail") == "0", result.stdout[-3000:] + result.stderr
        assert int(counts["pass"]) >= 1, path
        total += int(counts["pass"])
    assert total >= 80, total


def test_a_value_changed_in_python_reaches_the_javascript(tmp_path):
    """Change the contract as Python would state it, rebuild a copy of the source, and the
    bundled engine cuts words and drops stop words by the new values, and hands the new page
    size to the search pages (frontend/search/, bundled with it), which filter by the new groups
    and leave out of a quoted query the new characters."""
    changed = browser_contract()
    changed["search"]["max_word"] = 5
    changed["search"]["page_size"] = 3
    changed["search"]["stop_words"] = [*changed["search"]["stop_words"], "care"]
    changed["search"]["facets"] = [["region", "Region"]]
    changed["search"]["direction_controls"] = "[x]"
    out = _rebuilt(tmp_path, changed)
    probe = (
        "const engine = require(process.argv[1]);"
        "console.log(JSON.stringify({lengths: engine.words('abcdefgh').map((w) => w.length),"
        "keys: engine.parse('kids care').units.map((u) => u.key), pageSize: engine.contract.page_size,"
        "address: engine.addressOf('hubs', {region: ['london'], theme: ['early-help']}),"
        "shown: engine.shownQuery('boxes\u202e')}));"
    )
    answer = _probe(probe, out / "search-engine.js")
    assert answer == {
        "lengths": [5, 3],
        "keys": ["kid"],  # "care" now a stop word; "kids" stemmed
        "pageSize": 3,
        "address": "?q=hubs&region=london",  # theme is no filter now
        "shown": "boes\u202e",  # x is left out now, the override is not
    }


def test_the_finder_s_page_size_and_orders_come_from_the_contract(tmp_path):
    """Change the finder's page size and orders as Python would state them, rebuild a copy, and
    the bundled finder pages and sorts by the new ones."""
    changed = browser_contract()
    changed["finder"]["page_size"] = 7
    changed["finder"]["sorts"] = [["title", "Title"], ["evidence", "Evidence"]]
    out = _rebuilt(tmp_path, changed)
    probe = (
        "const finder = require(process.argv[1]);"
        "const choice = finder.choiceFrom('?sort=updated', [], {}, {});"
        "console.log(JSON.stringify({size: finder.PAGE_SIZE, sorts: finder.SORTS, sort: choice.sort}));"
    )
    answer = _probe(probe, out / "finder.js")
    assert answer == {"size": 7, "sorts": ["title", "evidence"], "sort": "title"}  # "updated" is no order now


def test_the_form_s_words_and_limits_come_from_the_contract(tmp_path):
    """Change a rule's words, the placeholders it lists and the schema messages' limit as Python
    would state them, rebuild a copy, and the form's bundled checks say and count by the new ones."""
    changed = browser_contract()
    changed["proposal"]["rules"]["words"]["period-backwards"] = ["ends {end}, starts {start}", "swap"]
    changed["proposal"]["rules"]["max_placeholders"] = 2
    changed["proposal"]["messages"]["max_errors"] = 1
    out = _rebuilt(tmp_path, changed)
    probe = (
        "const rules = require(process.argv[1]); const messages = rules;"
        "const context = {today: '2026-12-06', outputs: [], ratings: {}};"
        "const data = {period: {start: 2015, end: 2012}, partners: ['TODO', 'TODO', 'TODO']};"
        "const said = rules.ruleProblems(data, context);"
        "const errors = [1, 2].map((n) => ({keyword: 'required', instancePath: '', schemaPath: '#/required',"
        " params: {missingProperty: 'f' + n}, parentSchema: {}}));"
        "console.log(JSON.stringify({said: said.map((p) => p.message), limited: messages.problems(errors).length}));"
    )
    answer = _probe(probe, out / "proposal-form.js")
    assert answer == {
        "said": [
            "placeholder not filled in: TODO",
            "placeholder not filled in: TODO",
            "more than 2 placeholders; fill these in first",
            "ends 2012, starts 2015",
        ],
        "limited": 2,  # the first problem, then "more than 1 problems"
    }
