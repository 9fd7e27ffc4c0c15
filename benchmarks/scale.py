"""Every scale figure, side by side on this machine, with its floor; and how a build grows.

    python benchmarks/scale.py                        # the full run (about 1.5 hours here)
    python benchmarks/scale.py --output benchmarks/RESULTS.md
    python benchmarks/scale.py --check                # exit 1 if a floor is missed
    python benchmarks/scale.py --sizes 20 --preview-size 20 --growth 20 40 --repeats 1   # CI's smoke test

Floors (issue 28), each from its own script (run one alone for one figure), at the largest of
--sizes unless said otherwise:
- validation.py: `practice validate` with no cache at most 1.2x libyaml's parse of the same
  files, and an unchanged re-run under 0.3 s for the whole command (at each size);
- build.py: the build at most 0.35x plain MkDocs + Material building the same pages, and its
  largest process under 700 MB (at each size; the floors are for 10,000);
- serve_reload.py: save to served page under 1 s for the whole collection at --preview-size
  (1,000), and under 2 s at the shipped collection's size (issue 4); `--only` for comparison;
- search.py: first results and bytes downloaded in Chromium (issue 6);
- hostile.py: hostile files of 256 KB and 1 MB answered (issue 11).

Growth: one build at each of --growth (1,000, 3,000, 10,000 and 30,000), its time and largest
process, with the least-squares slope of each against the number of case studies and each
step's cost per 1,000 case studies. The growth is called linear when the last step's cost
per 1,000 is at most LINEAR_TOLERANCE times the first step's.
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.build import timed_build
from benchmarks.synthetic import make_collection

HERE = Path(__file__).resolve().parent

LINEAR_TOLERANCE = 1.5
MISSED = 1  # what each script's --check exits with when a floor is missed


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory_kb = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines()
            if line.startswith("MemTotal")
        )
    except (OSError, StopIteration, ValueError):
        memory_kb = 0
    chromium = subprocess.run(["chromium", "--version"], capture_output=True, text=True, check=False).stdout.strip()
    return (
        f"{cpu}, {os.cpu_count()} CPUs, {memory_kb / 2**20:.0f} GiB; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; {chromium or 'no Chromium'}"
    )


def run(script: str, *args: str) -> tuple[list[str], bool]:
    """A script's report, and whether it met its floors (with --check among `args`)."""
    command = [sys.executable, str(HERE / script), *args]
    shown = f"python benchmarks/{script} {' '.join(args)}"
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode not in (0, MISSED) or (result.returncode == MISSED and "--check" not in args):
        raise SystemExit(f"{shown} failed:\n{result.stderr[-3000:]}")
    minutes = (time.perf_counter() - started) / 60
    return [f"$ {shown}   ({minutes:.1f} min)", *result.stdout.rstrip().splitlines(), ""], result.returncode == 0


def slope(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of y against x."""
    mean_x = statistics.fmean(x for x, _ in points)
    mean_y = statistics.fmean(y for _, y in points)
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread if spread else 0.0


def growth(sizes: list[int]) -> tuple[list[str], bool]:
    """One build at each size: the table, the slopes, and whether both grow linearly."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="practice-growth-") as folder:
        for count in sorted(sizes):
            root = make_collection(Path(folder) / f"project-{count}", count)
            seconds, largest, _ = timed_build(root, Path(folder) / f"site-{count}")
            rows.append((count, seconds, largest / 2**20))
    lines = ["$ growth: one build at each size (benchmarks/scale.py --growth)"]
    lines += [
        f"  {count:>6} case studies {seconds:8.1f} s   largest process {mb:6.0f} MB" for count, seconds, mb in rows
    ]
    linear = True
    for index, name, unit in ((1, "time", "s"), (2, "largest process", "MB")):
        points = [(row[0], row[index]) for row in rows]
        per_thousand = [1000 * (b[1] - a[1]) / (b[0] - a[0]) for a, b in itertools.pairwise(points) if b[0] > a[0]]
        steps = ", ".join(f"{cost:.2f}" for cost in per_thousand)
        grows = len(per_thousand) < 2 or per_thousand[-1] <= LINEAR_TOLERANCE * max(per_thousand[0], 1e-9)
        linear = linear and grows
        lines.append(
            f"  {name}: slope {1000 * slope(points):.2f} {unit} per 1,000 case studies (least squares); "
            f"each step {steps} {unit} per 1,000; "
            f"{'linear' if grows else 'NOT linear'} (last step at most {LINEAR_TOLERANCE}x the first)"
        )
    return [*lines, ""], linear


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000], help="sizes for validation and build")
    parser.add_argument("--preview-size", type=int, default=1000, help="size for the preview's floor")
    parser.add_argument("--growth", type=int, nargs="*", default=[1000, 3000, 10_000, 30_000])
    parser.add_argument("--repeats", type=int, default=3, help="repeats of each measurement (medians reported)")
    parser.add_argument("--output", type=Path, help="also write the report, as Markdown, to this file")
    parser.add_argument("--check", action="store_true", help="exit 1 if a floor is missed")
    args = parser.parse_args()
    repeats = ("--repeats", str(args.repeats))
    check = ("--check",) if args.check else ()
    largest = str(max(args.sizes))

    lines = [f"Machine: {machine()}", f"Run: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC", ""]
    print("\n".join(lines), flush=True)
    steps = [("validation.py", "--count", str(n), *repeats, *check) for n in sorted(args.sizes)]
    steps += [("build.py", "--count", str(n), *repeats, *check) for n in sorted(args.sizes)]
    steps.append(("serve_reload.py", "--count", str(args.preview_size), *repeats, *check))
    steps.append(("serve_reload.py", "--count", "0", *repeats, *check))
    steps.append(("serve_reload.py", "--count", str(args.preview_size), *repeats, "--only"))
    steps.append(("search.py", "--count", largest, *repeats, *check))
    steps.append(("hostile.py", *repeats))
    missed = []
    for step in steps:
        output, met = run(*step)
        print("\n".join(output), flush=True)
        lines += output
        if not met:
            missed.append(" ".join(step))
    if args.growth:
        output, linear = growth(args.growth)
        print("\n".join(output), flush=True)
        lines += output
        if not linear:
            missed.append("growth")
    summary = f"Floors missed: {'; '.join(missed)}" if missed else "Every floor checked was met."
    lines.append(summary if args.check else "Floors not checked (run with --check).")
    print(lines[-1])

    if args.output:
        args.output.write_text(
            "# Scale benchmark results\n\nWritten by `python benchmarks/scale.py --output "
            f"{args.output.as_posix()}`; benchmarks/README.md says what each line measures.\n\n"
            "```text\n" + "\n".join(lines).rstrip() + "\n```\n",
            encoding="utf-8",
        )
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
