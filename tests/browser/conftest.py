"""Fixtures shared by the browser tests: one Chromium per module, the built site served."""

from __future__ import annotations

import pytest

from tests.support.browser import launch_chromium, serve


@pytest.fixture(scope="module")
def browser():
    with launch_chromium() as chromium:  # one per module: Playwright's sync API allows one at a time
        yield chromium


@pytest.fixture(scope="module")
def site_url(built_site):
    with serve(built_site) as url:
        yield url
