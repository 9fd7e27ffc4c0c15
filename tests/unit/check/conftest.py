"""Fixtures shared by the checks' tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def reads(monkeypatch):
    """Count the case-study files whose bytes are read and hashed."""
    from generator.check import cache as cache_module

    calls: list[str] = []
    real = cache_module.file_fingerprint

    def spy(path):
        calls.append(path.name)
        return real(path)

    monkeypatch.setattr(cache_module, "file_fingerprint", spy)
    return calls
