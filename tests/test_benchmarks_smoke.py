"""The benchmark scripts still run (at a tiny size: their figures are not tested here)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def test_validation_benchmark_runs():
    result = subprocess.run(
        [sys.executable, "benchmarks/validation.py", "--count", "40", "--repeats", "1"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("40 case studies, median of 1 runs")
    assert any(line.strip().startswith("libyaml parse alone") for line in lines)
    assert any("x baseline" in line for line in lines)
    assert any(line.strip().startswith("practice validate, unchanged") for line in lines)


def test_search_benchmark_runs():
    result = subprocess.run(
        [sys.executable, "benchmarks/search.py", "--count", "30", "--repeats", "1"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("30 case studies in the search index")
    assert sum("first results" in line and "downloaded" in line for line in lines) == 3


def test_serve_reload_benchmark_runs():
    result = subprocess.run(
        [sys.executable, "benchmarks/serve_reload.py", "--repeats", "1"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "save to changed page served:" in result.stdout
