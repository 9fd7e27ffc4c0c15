"""The unit tests run without Node.js: each runs with a PATH that holds no `node`, so a unit
test that reached for the browser's code would fail here rather than quietly need it. The tests
that compare Python with the browser code are in tests/crosscheck/, tests/site/ and
tests/browser/."""

from __future__ import annotations

import os
import shutil

import pytest


@pytest.fixture(autouse=True)
def _no_node(monkeypatch):
    folders = os.environ.get("PATH", "").split(os.pathsep)
    kept = [folder for folder in folders if not shutil.which("node", path=folder)]
    monkeypatch.setenv("PATH", os.pathsep.join(kept))
    assert shutil.which("node") is None
