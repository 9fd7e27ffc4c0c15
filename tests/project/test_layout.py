"""The package's layout shows the pipeline and stays that way (issue 11's limits)."""

from __future__ import annotations

import ast

from tests.conftest import REPO

PACKAGE = REPO / "generator"
STAGES = {"config", "load", "check", "render", "search", "incremental", "reporting", "adapters"}


def test_modules_are_small_and_grouped_by_stage():
    top_level = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top_level) <= 10, top_level
    assert {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").is_file()} == STAGES
    too_long = {
        str(p.relative_to(REPO)): n for p in PACKAGE.rglob("*.py") if (n := len(p.read_text().splitlines())) > 300
    }
    assert too_long == {}
    assert len((PACKAGE / "adapters" / "mkdocs_plugin.py").read_text().splitlines()) <= 150


def test_the_core_knows_nothing_of_mkdocs():
    """Only the adapters import MkDocs, Material or Python-Markdown, so the engine can change."""
    for path in PACKAGE.rglob("*.py"):
        if path.parent.name == "adapters":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            names += [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            engines = [n for n in names if n.split(".")[0] in ("mkdocs", "material", "markdown")]
            assert engines == [], f"{path.relative_to(REPO)} imports {engines}"
