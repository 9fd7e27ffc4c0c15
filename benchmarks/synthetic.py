"""Make a synthetic collection of N case studies from the shipped ones, for benchmarks.

Each copy is a shipped case study with a new id (and file name) and a numbered title, so
every file is distinct and valid. Only the first copy of a model's originator says it
developed the model; later copies say they adopted it (two originators are refused).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def make_collection(target: Path, count: int) -> Path:
    """A project folder at `target` with `count` case studies; returns it."""
    if target.exists():
        shutil.rmtree(target)
    for name in ("schema", "docs", "site_overrides"):
        shutil.copytree(REPO / name, target / name)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    practice = target / "practice"
    practice.mkdir()
    shipped = sorted((REPO / "practice").glob("*.yaml"))
    templates = [path.read_text(encoding="utf-8") for path in shipped]
    for number in range(count):
        text = templates[number % len(templates)]
        base_id = shipped[number % len(shipped)].stem
        new_id = f"{base_id}-{number:05d}"
        text = re.sub(r"^id: .*$", f"id: {new_id}", text, count=1, flags=re.MULTILINE)
        text = re.sub(r"^title: (.*)$", rf"title: \1 (copy {number})", text, count=1, flags=re.MULTILINE)
        if number >= len(templates):
            text = text.replace("\n  role: originated\n", "\n  role: adopted\n")
        (practice / f"{new_id}.yaml").write_text(text, encoding="utf-8")
    return target
