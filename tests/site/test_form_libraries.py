"""The proposal form's libraries are the pinned npm packages, bundled reproducibly: rebuilding
the bundle from node_modules (installed from package-lock.json) gives the committed bytes, and
every package the bundle took code from has its licence shipped beside it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

from tests.conftest import REPO

VENDOR = REPO / "docs" / "assets" / "vendor"
SCRIPT = REPO / "scripts" / "bundle-form-libraries.mjs"


def test_the_committed_bundle_is_what_the_pinned_packages_build(tmp_path):
    node = shutil.which("node")
    assert node, "Node.js is needed for this test: install it (the README's test command does)"
    assert (REPO / "node_modules" / "esbuild").is_dir(), "npm packages missing: run bash scripts/setup.sh test"
    result = subprocess.run(
        [node, str(SCRIPT), str(tmp_path / "form-libraries.js")], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    for name in ("form-libraries.js", "LICENSES.txt"):
        assert (tmp_path / name).read_bytes() == (VENDOR / name).read_bytes(), (
            f"docs/assets/vendor/{name} is stale: run node scripts/bundle-form-libraries.mjs and commit it"
        )


def test_the_bundle_names_the_locked_versions_and_ships_their_licences():
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    banner = (VENDOR / "form-libraries.js").read_text(encoding="utf-8").splitlines()[0]
    for name in ("ajv", "ajv-formats", "yaml"):
        assert f"{name} {lock[f'node_modules/{name}']['version']}" in banner
    licences = (VENDOR / "LICENSES.txt").read_text(encoding="utf-8")
    shipped = dict(re.findall(r"^(\S+) (\d+\.\d+\.\d+) \(", licences, re.MULTILINE))
    assert {"ajv", "ajv-formats", "yaml", "fast-deep-equal", "fast-uri", "json-schema-traverse"} <= set(shipped)
    for name, version in shipped.items():
        assert lock[f"node_modules/{name}"]["version"] == version
        assert lock[f"node_modules/{name}"].get("dev") is True  # a tool of the repository, not of the site build


def test_only_the_form_page_loads_the_bundle(built_site):
    pages = [p for p in built_site.rglob("*.html") if "form-libraries.js" in p.read_text(encoding="utf-8")]
    assert [p.relative_to(built_site).as_posix() for p in pages] == ["contributing/propose/index.html"]
