"""The benchmark scripts still run (at a tiny size: their figures are not tested here)."""

from __future__ import annotations

import shutil
import subprocess
import sys

from benchmarks.hostile import hostile_files
from tests.conftest import REPO


def run_benchmark(script: str, *args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, f"benchmarks/{script}", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_scale_benchmark_runs_every_part_and_writes_its_report(tmp_path):
    """CI runs the scale benchmark only at a tiny size: this proves each part still works."""
    report = tmp_path / "RESULTS.md"
    lines = run_benchmark(
        "scale.py",
        *("--sizes", "20", "--preview-size", "20", "--growth", "20", "40", "--repeats", "1"),
        *("--output", str(report)),
    )
    assert lines[0].startswith("Machine: ") and "CPUs" in lines[0]
    commands = [line for line in lines if line.startswith("$ python benchmarks/")]
    assert [c.split()[2] for c in commands] == [
        "benchmarks/validation.py",
        "benchmarks/build.py",
        "benchmarks/serve_reload.py",
        "benchmarks/serve_reload.py",
        "benchmarks/serve_reload.py",
        "benchmarks/search.py",
        "benchmarks/hostile.py",
    ]
    assert any(line.strip().startswith("libyaml parse alone") for line in lines)
    assert any("x baseline" in line for line in lines)
    assert any(line.strip().startswith("plain mkdocs build, Material search (baseline)") for line in lines)
    assert any(line.strip().startswith("time ") and "x the baseline" in line for line in lines)
    assert any("largest process" in line and "process tree added up" in line for line in lines)
    assert sum("first results" in line and "downloaded" in line for line in lines) == 5
    assert any(line.startswith("indexing ") and "byte-identical" in line for line in lines)
    assert sum("save to changed page served:" in line for line in lines) == 3
    assert any("practice serve --only the changed file" in line for line in lines)
    assert sum("KB files: checked, against libyaml's parse of the same file" in line for line in lines) == 2
    assert sum("case studies" in line and "largest process" in line and " s " in line for line in lines) >= 2
    assert sum("per 1,000 case studies (least squares)" in line for line in lines) == 2
    assert lines[-1] == "Floors not checked (run with --check)."
    written = report.read_text(encoding="utf-8")
    assert written.startswith("# Scale benchmark results") and "x the baseline" in written


def test_the_growth_slope_is_least_squares():
    from benchmarks.scale import slope

    assert slope([(1000, 10.0), (3000, 30.0), (10_000, 100.0)]) == 0.01
    assert abs(slope([(0, 1.0), (1, 2.0), (2, 4.0)]) - 1.5) < 1e-12


def test_finder_benchmark_runs():
    lines = run_benchmark("finder.py", "--count", "60", "--repeats", "1")
    assert lines[0].startswith("60 case studies in the finder")
    assert sum(line.strip().startswith("filter,") for line in lines) == 3


def test_instruction_count_benchmark_runs():
    lines = run_benchmark("instructions.py", "--count", "3")
    assert lines[0].startswith("2 case studies beyond the first")
    assert any("validate against libyaml's parse:" in line for line in lines)


def test_coverage_counts_the_collection_it_is_given(tmp_path):
    lines = dict(line.split(": ", 1) for line in run_benchmark("coverage.py"))
    assert lines["case studies"] == str(len(list((REPO / "practice").glob("*.yaml"))))
    assert lines["case studies with no source address"] == "0"
    empty = tmp_path / "empty"
    (empty / "practice").mkdir(parents=True)
    shutil.copytree(REPO / "schema", empty / "schema")
    lines = dict(line.split(": ", 1) for line in run_benchmark("coverage.py", "--root", str(empty)))
    assert lines["case studies"] == "0"
    assert lines["empty gap map cells, themes by characteristics"] == "45 of 45"


def test_hostile_benchmark_times_the_whole_command_on_every_class():
    """At a tiny size the issue-22 bound is met trivially: this proves the measurement runs a
    fresh `practice validate` for each class, and reports a crash or a hang as missing it."""
    lines = run_benchmark("hostile.py", "--sizes", "8192", "--repeats", "1", "--whole-command")
    measured = [line for line in lines if " MB peak  exit " in line]
    assert len(measured) == len(hostile_files(8192)), measured  # every class the benchmark defines
    assert all(line.rstrip().endswith(("exit 0", "exit 1")) and "inf" not in line for line in measured), measured
    assert lines[-1].strip().startswith("worst: ") and lines[-1].endswith(": met")
