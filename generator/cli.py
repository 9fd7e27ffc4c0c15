"""The `practice` command for editors and CI.

    practice validate [PATH ...]   check case studies (default: the whole collection)
    practice schema [--write]      check (or rewrite) the schema's enums against the taxonomy
    practice build [MKDOCS ARGS]   build the site (mkdocs build --strict)
    practice serve [MKDOCS ARGS]   preview the site with live reload (mkdocs serve)

Exit codes: 0 all good, 1 problems found, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from generator.collection import load_collection
from generator.project import Project
from generator.reporting import format_text
from generator.schema_sync import dump, synced, write_synced
from generator.taxonomy import Taxonomy

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="practice", description="Tools for the effective practice repository.")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check case studies and report every problem")
    validate.add_argument("paths", nargs="*", type=Path, help="case-study files (default: all of practice/)")
    schema = commands.add_parser("schema", help="check the schema's enums agree with schema/taxonomy.yaml")
    schema.add_argument("--write", action="store_true", help="rewrite the schema from the taxonomy")
    for name in ("build", "serve"):
        engine = commands.add_parser(name, help=f"mkdocs {name}, from the repository root", add_help=False)
        engine.add_argument("engine_args", nargs=argparse.REMAINDER)
    # build and serve pass every option they do not know on to mkdocs (e.g. --site-dir).
    args, unknown = parser.parse_known_args(argv)
    if unknown and args.command not in ("build", "serve"):
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")

    try:
        project = Project.find()
    except FileNotFoundError as error:
        print(f"practice: {error}", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "validate":
        return _validate(project, args.paths)
    if args.command == "schema":
        return _schema(project, args.write)
    return _engine(project, args.command, [*unknown, *args.engine_args])


def _validate(project: Project, paths: list[Path]) -> int:
    missing = [p for p in paths if not p.exists() and not p.is_symlink()]
    if missing:
        print(f"practice: no such file: {', '.join(map(str, missing))}", file=sys.stderr)
        return EXIT_USAGE
    collection = load_collection(project, [p.absolute() for p in paths] or None)
    print(format_text(collection.problems, collection.files_checked))
    return EXIT_OK if collection.ok else EXIT_PROBLEMS


def _schema(project: Project, write: bool) -> int:
    taxonomy = Taxonomy.load(project.taxonomy_path)
    if write:
        changed = write_synced(project.schema_path, taxonomy)
        print(f"{project.schema_path.name}: {'updated from the taxonomy' if changed else 'already up to date'}")
        return EXIT_OK
    current = project.schema_path.read_text(encoding="utf-8")
    if dump(synced(json.loads(current), taxonomy)) != current:
        print(f"{project.schema_path.name} disagrees with taxonomy.yaml; run: practice schema --write")
        return EXIT_PROBLEMS
    print(f"{project.schema_path.name} agrees with taxonomy.yaml")
    return EXIT_OK


def _engine(project: Project, command: str, engine_args: list[str]) -> int:
    strict = ["--strict"] if command == "build" else []
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.call([sys.executable, "-m", "mkdocs", command, *strict, *engine_args], cwd=project.root, env=env)


if __name__ == "__main__":
    sys.exit(main())
