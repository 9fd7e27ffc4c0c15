"""Run every scale benchmark at 1,000 and 10,000 case studies and report them together.

    python benchmarks/scale.py                       # the full run (about an hour here)
    python benchmarks/scale.py --output benchmarks/RESULTS.md
    python benchmarks/scale.py --sizes 20 --repeats 1   # a smoke test, as CI runs it

Issue 6's list, each from its own script (run them alone for one figure):
- validation against libyaml's parse of the same files, at each size (validation.py);
- full build time and peak memory against plain MkDocs with Material's search (build.py);
- bytes downloaded and time to first result of a search in Chromium, at the largest size
  (search.py);
- time from saving a case study to the reloaded page under `practice serve`, at the shipped
  collection's size and at the smallest size, for the whole collection and with
  `practice serve --only` (serve_reload.py);
- and issue 11's: how long hostile files of 256 KB and 1 MB take to be answered (hostile.py).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent


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


def run(script: str, *args: str) -> list[str]:
    command = [sys.executable, str(HERE / script), *args]
    shown = f"python benchmarks/{script} {' '.join(args)}"
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{shown} failed:\n{result.stderr[-3000:]}")
    minutes = (time.perf_counter() - started) / 60
    return [f"$ {shown}   ({minutes:.1f} min)", *result.stdout.rstrip().splitlines(), ""]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--repeats", type=int, default=3, help="repeats of each measurement (medians reported)")
    parser.add_argument("--output", type=Path, help="also write the report, as Markdown, to this file")
    args = parser.parse_args()
    repeats = str(args.repeats)
    smallest, largest = min(args.sizes), max(args.sizes)

    lines = [f"Machine: {machine()}", f"Run: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC", ""]
    print("\n".join(lines), flush=True)
    steps = [("validation.py", "--count", str(n), "--repeats", repeats) for n in sorted(args.sizes)]
    steps += [("build.py", "--count", str(n), "--repeats", repeats) for n in sorted(args.sizes)]
    steps.append(("search.py", "--count", str(largest), "--repeats", repeats))
    steps.append(("serve_reload.py", "--count", "0", "--repeats", repeats))
    steps.append(("serve_reload.py", "--count", str(smallest), "--repeats", repeats))
    steps.append(("serve_reload.py", "--count", str(smallest), "--repeats", repeats, "--only"))
    steps.append(("hostile.py", "--repeats", repeats))
    for step in steps:
        output = run(*step)
        print("\n".join(output), flush=True)
        lines += output

    if args.output:
        args.output.write_text(
            "# Scale benchmark results\n\nWritten by `python benchmarks/scale.py --output "
            f"{args.output.as_posix()}`; see benchmarks/README.md for what each line "
            "measures.\n\n```text\n" + "\n".join(lines).rstrip() + "\n```\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
