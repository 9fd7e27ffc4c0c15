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
"""

from __future__ import annotations

import argparse
import statistics
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
    }


CRASH_LIBYAML = {"nested brackets", "nested dashes"}  # its recursive composer runs out of stack


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
                if kind in CRASH_LIBYAML or path.stat().st_size > MAX_FILE_BYTES:
                    versus = "      (not parsed)" if kind not in CRASH_LIBYAML else " (would crash it)"
                else:
                    parse = seconds(partial(yaml.load, text, Loader=yaml.CSafeLoader), args.repeats)
                    versus = f"{parse * 1000:8.1f} ms {taken / parse:5.1f}x"
                print(f"  {kind:34} {path.stat().st_size // 1024:5d} KB {taken * 1000:8.1f} ms {versus}  {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
