"""The benchmark scripts still run (at a tiny size: their figures are not tested here)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def run_benchmark(script: str, *args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, f"benchmarks/{script}", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_validation_benchmark_runs():
    lines = run_benchmark("validation.py", "--count", "40", "--repeats", "1")
    assert lines[0].startswith("40 case studies, median of 1 runs")
    assert any(line.strip().startswith("libyaml parse alone") for line in lines)
    assert any("x baseline" in line for line in lines)
    assert any(line.strip().startswith("practice validate, unchanged") for line in lines)


def test_search_benchmark_runs():
    lines = run_benchmark("search.py", "--count", "30", "--repeats", "1")
    assert lines[0].startswith("30 case studies in the search index")
    assert sum("first results" in line and "downloaded" in line for line in lines) == 3


def test_serve_reload_benchmark_runs():
    lines = run_benchmark("serve_reload.py", "--repeats", "1")
    assert any("save to changed page served:" in line for line in lines)


def test_finder_benchmark_runs():
    lines = run_benchmark("finder.py", "--count", "60", "--repeats", "1")
    assert lines[0].startswith("60 case studies in the finder")
    assert sum(line.strip().startswith("filter,") for line in lines) == 3
