"""The unit tests run without Node.js: from each one's set-up (its fixtures' included) to its
tear-down, PATH holds no folder with a `node`, so a unit test that reached for the browser's
code by name would fail here rather than quietly need it. (A call by absolute path would get
past this; none is made.) The tests that compare Python with the browser code are in
tests/crosscheck/, tests/site/ and tests/browser/."""

from __future__ import annotations

import os
import shutil

import pytest

_saved: list[str] = []


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    path = os.environ.get("PATH", "")
    _saved.append(path)
    os.environ["PATH"] = os.pathsep.join(f for f in path.split(os.pathsep) if not shutil.which("node", path=f))
    assert shutil.which("node") is None
    yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield
    os.environ["PATH"] = _saved.pop()
