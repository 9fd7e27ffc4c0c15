"""Validation against libyaml's parse, counted in CPU instructions rather than seconds.

    python benchmarks/instructions.py --count 400

Wall-clock ratios on this shared machine move by 10-30% from one run to the next (the same
code measured 1.06x and 1.48x within minutes). valgrind's callgrind counts the instructions a
program executes, which repeat exactly whatever else the machine is doing, so this measure
settles whether a change made validation slower. Each side runs in its own interpreter under
callgrind twice, on one file and on `count` files; the difference is the work of `count - 1`
files, with interpreter start-up and imports taken out.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic import make_collection

REPO = Path(__file__).resolve().parent.parent
PROGRAMS = {
    "libyaml parse (baseline)": """
import sys, pathlib, yaml
for path in sorted(pathlib.Path(sys.argv[1], "practice").glob("*.yaml")):
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
""",
    "practice validate, no cache": """
import sys, pathlib, datetime
from generator.check.collection import validate
from generator.config.project import Project
validate(Project(pathlib.Path(sys.argv[1])), today=datetime.date(2026, 11, 23))
""",
}


def instructions(program: str, project: Path) -> int:
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as script:
        script.write(program)
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, script.name, str(project)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    Path(script.name).unlink()
    found = re.search(r"Collected : (\d+)", result.stderr)
    if found is None:
        raise SystemExit(f"callgrind reported no count:\n{result.stderr[-2000:]}")
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=400, help="case studies in the synthetic collection")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    with tempfile.TemporaryDirectory(prefix="practice-instructions-") as folder:
        one = make_collection(Path(folder) / "one", 1)
        many = make_collection(Path(folder) / "many", args.count)
        work = {name: instructions(program, many) - instructions(program, one) for name, program in PROGRAMS.items()}
    baseline, validate = work.values()
    print(f"{args.count - 1} case studies beyond the first; instructions counted by valgrind's callgrind")
    for name, count in work.items():
        print(f"  {name:30} {count / 1e6:10.1f} M instructions ({count / (args.count - 1) / 1e3:7.1f} k per file)")
    print(f"  validate against libyaml's parse: {validate / baseline:.2f}x (instructions repeat exactly run to run)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
