"""How long hostile files take to be answered, against libyaml's parse of the same file.

    python benchmarks/hostile.py                 # 256 KB files (the size limit) and 1 MB ones
    python benchmarks/hostile.py --sizes 4096    # a smoke test, as CI runs it

Each kind of hostile file is one class of attack that once took seconds to minutes, crashed
the process or printed megabytes (issue 11): a long web address or e-mail address with a
space in it (regular-expression backtracking), thousands of nested brackets or dashes
(libyaml's recursion), a list of distinct mappings (a pairwise check: 449 s), thousands of
unfilled placeholders, thousands of unknown keys (a check quadratic in their number), a long
description of nested quotes, thousands of list items that each break the schema, and text
full of control characters. Each is checked by the function `practice validate` runs on every
file (its schema and policy loaded once, as for a collection), in this process, and compared
with libyaml's bare parse of the same file (which would crash on the nesting ones). Files over
the 256 KB limit are refused before they are read, so the 1 MB rows show that.

With --whole-command, each file is also given to `practice validate` in a fresh process, which
reports its time to a verdict and its peak resident memory: issue 22 bounds these at 2 s and
300 MB for any 256 KB file (a byte-order mark at a line's start had hidden nesting that
crashed the command and a "billion laughs" that hung it).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.check.file_check import FileCheck, check_file
from generator.check.schema_validator import SchemaValidator
from generator.config.policy import ReviewPolicy
from generator.config.project import Project
from generator.load.files import MAX_FILE_BYTES

REPO = Path(__file__).resolve().parent.parent
BASE = (REPO / "tests" / "examples" / "positive" / "minimal-valid.yaml").read_text(encoding="utf-8")
URL_LINE = "    url: https://www.example.org/early-help-2014.pdf\n"
THEMES = "themes:\n  - families-parents-carers\n"


def padded(text: str, size: int, line: Callable[[int], str]) -> str:
    """`text` with lines made by `line(n)` added until it is `size` bytes long."""
    parts, total, number = [text], len(text.encode()), 0
    while total < size:
        extra = line(number)
        parts.append(extra)
        total += len(extra.encode())
        number += 1
    return "".join(parts)[:size].rsplit("\n", 1)[0] + "\n"


def hostile_files(size: int) -> dict[str, str]:
    room = size - len(BASE) - 200
    return {
        "a long description": BASE.replace(
            "  plan with the family.\n", "  plan with the family.\n" + ("  More words about the plan.\n" * (room // 30))
        ),
        "web address with a space": BASE.replace(URL_LINE, f'    url: "https://example.org/{"a/" * (room // 2)} x"\n'),
        "e-mail address with a space": BASE
        + f'contact:\n  organisation: Example Council\n  email: "{"a" * 100}@{"b." * ((room - 100) // 2)} "\n',
        "nested brackets": BASE + "extra: " + "[" * room + "\n",
        "nested dashes": BASE + "extra:\n  " + "- " * (room // 2) + "x\n",
        "unknown keys": padded(BASE, size, lambda n: f"k{n}: 1\n"),
        "nested quotes in the description": BASE.replace(
            "  plan with the family.\n",
            "  plan with the family.\n\n  " + "> " * 4900 + "x\n",  # within 10,000
        ),
        "list items that break the schema": BASE.replace(
            "themes:\n  - families-parents-carers\n", "themes:\n" + "  - nope\n" * (room // 9)
        ),
        "a list of distinct mappings": BASE.replace(
            "themes:\n  - families-parents-carers\n",
            "themes: [" + ", ".join(f"{{a: {n}}}" for n in range(room // 13)) + "]\n",
        ),
        "placeholders": padded(BASE, size, lambda n: f"k{n}: TODO\n"),
        "control characters": BASE.replace("setting: Family homes", 'setting: "' + "\\x02" * (room // 4) + '"'),
        # Issue 22: a byte-order mark at a line's start, which libyaml skips and the old text
        # scans did not, hid nesting (a segfault) and anchors (a "billion laughs" that hung).
        "nesting behind a byte-order mark": BASE + "extra:\n\ufeff" + "- " * (room // 2) + "x\n",
        "anchors behind a byte-order mark": BASE.replace(THEMES, "") + laughs("\ufeff", room),
        "a billion laughs of lists": BASE.replace(THEMES, "") + laughs(" ", room),
        "line separators between fields": BASE + "".join(f"k{n}: 1\u2028" for n in range(room // 12)) + "\n",
        "figures in e-notation": BASE + "extra: [" + ", ".join(["1.0e-400"] * (room // 10)) + "]\n",
        # Issue 23: every outcome naming a source that is not there, beside many that are (a
        # "did you mean" against every id for every outcome once took 47 s).
        "outcomes naming missing sources": unknown_sources(room),
    }


def unknown_sources(room: int) -> str:
    count = room // 260
    sources = "".join(f"  - {{id: s{n}, title: Report {n}, kind: other, access: full-text}}\n" for n in range(count))
    outcomes = "".join(
        f"  - {{measure: Count {n}, for_whom: Families, domain: reach-and-delivery, design: count, source: t{n}, "
        "direction: not-applicable, change: {as_reported: counted}}\n"
        for n in range(count)
    )
    text = BASE.replace("outcomes: []\n", "outcomes:\n" + outcomes)
    return text.replace("sources:\n", "sources:\n" + sources, 1)


def laughs(mark: str, room: int) -> str:
    """Ten levels of ten aliases each, the last as the themes (10**10 items for the schema to
    check), padded to fill the room; every anchor and alias starts a line, behind `mark`."""
    lines = [f"l0:\n{mark}&l0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"l{n}:\n{mark}&l{n} [\n" + ",\n".join([f"{mark}*l{n - 1}"] * 10) + "]" for n in range(1, 10)]
    text = "\n".join(lines) + f"\nthemes: [\n{mark}*l9]\n"
    return text + "#" * max(0, room - len(text) - 1) + "\n"


# libyaml's recursive composer runs out of stack on these; its constructor expands the laughs
# until memory runs out.
CRASH_LIBYAML = {"nested brackets", "nested dashes", "nesting behind a byte-order mark"}
HANG_LIBYAML = {"anchors behind a byte-order mark", "a billion laughs of lists"}
WHOLE_COMMAND_SECONDS, WHOLE_COMMAND_MB = 2.0, 300  # issue 22's bound for any 256 KB file


def seconds(work: Callable[[], object], repeats: int) -> float:
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[256 * 1024, 1024 * 1024], help="file sizes in bytes")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each (medians reported)")
    parser.add_argument(
        "--whole-command",
        action="store_true",
        help="also run `practice validate` on each file in a fresh process: time and peak memory",
    )
    args = parser.parse_args()
    project = Project(REPO)
    validator = SchemaValidator.from_file(project.schema_path)
    review = ReviewPolicy.load(project.policy_path)
    today = date.today()

    def check(path: Path) -> FileCheck:
        return check_file(path, path.name, validator, today, review)

    print(f"median of {args.repeats} runs; Python {sys.version.split()[0]}")
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="practice-hostile-") as folder:
            files = {}
            for number, (kind, text) in enumerate(hostile_files(size).items()):
                path = Path(folder) / f"hostile-{number}.yaml"
                path.write_text(text.replace("id: minimal-valid", f"id: hostile-{number}"), encoding="utf-8")
                files[kind] = path
            print(f"\n{size // 1024} KB files: checked, against libyaml's parse of the same file")
            for kind, path in files.items():
                errors = [p for p in check(path).problems if p.is_error]
                taken = seconds(partial(check, path), args.repeats)
                shown = errors[0].message[:60] if errors else "valid"
                text = path.read_text(encoding="utf-8")
                if kind in CRASH_LIBYAML or kind in HANG_LIBYAML or path.stat().st_size > MAX_FILE_BYTES:
                    versus = "      (not parsed)" if path.stat().st_size > MAX_FILE_BYTES else " (would crash it)"
                else:
                    parse = seconds(partial(yaml.load, text, Loader=yaml.CSafeLoader), args.repeats)
                    versus = f"{parse * 1000:8.1f} ms {taken / parse:5.1f}x"
                print(f"  {kind:34} {path.stat().st_size // 1024:5d} KB {taken * 1000:8.1f} ms {versus}  {shown}")
            if args.whole_command:
                print(f"\n{size // 1024} KB files: `practice validate --no-cache FILE`, a fresh process each")
                worst = max(whole_command(path) for path in files.values())
                for kind, path in files.items():
                    seconds_taken, megabytes, code = whole_command(path)
                    print(f"  {kind:34} {seconds_taken:6.2f} s {megabytes:6.0f} MB peak  exit {code}")
                met = worst[0] <= WHOLE_COMMAND_SECONDS and worst[1] <= WHOLE_COMMAND_MB
                print(
                    f"  worst: {worst[0]:.2f} s, {worst[1]:.0f} MB (bound {WHOLE_COMMAND_SECONDS:.0f} s and "
                    f"{WHOLE_COMMAND_MB} MB): {'met' if met else 'MISSED'}"
                )
    return 0


# Runs the command in this process's interpreter and reports its own peak resident memory.
_MEASURED = """
import resource, sys, time
from generator.adapters.cli import main
started = time.perf_counter()
code = main(["validate", "--no-cache", "--format", "json", sys.argv[1]])
print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, code, file=sys.stderr)
"""


def whole_command(path: Path) -> tuple[float, float, int]:
    """Seconds from start to verdict, peak resident MB and exit code of `practice validate`
    on one file, in a fresh process (a crash shows as a negative exit code)."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", _MEASURED, str(path)], capture_output=True, text=True, cwd=REPO, timeout=60
        )
    except subprocess.TimeoutExpired:  # a hang (the landed code on a billion laughs)
        return float("inf"), float("inf"), 0
    if done.returncode < 0 or not done.stderr.strip():
        return float("inf"), float("inf"), done.returncode
    seconds_taken, megabytes, code = done.stderr.split()[-3:]
    return float(seconds_taken), float(megabytes), int(code)


if __name__ == "__main__":
    sys.exit(main())
