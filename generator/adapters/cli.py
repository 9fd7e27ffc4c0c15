"""The `practice` command for editors and CI.

    practice validate [PATH ...]          check case studies (default: the whole collection)
    practice new "Title" --locality "..."  start a new case study from a commented skeleton
    practice schema [--write]             check (or rewrite) the schema's enums against the taxonomy
    practice build [--engine E] [MKDOCS OPTIONS]
                                          build the site (mkdocs build --strict)
    practice serve [--engine E] [--only FILE ...] [MKDOCS OPTIONS]
                                          preview the site with live reload (mkdocs serve --dirty:
                                          a save rebuilds only the pages it changes; --clean for
                                          MkDocs' own full rebuilds); --only previews just those
                                          case studies

--engine properdocs runs ProperDocs, the maintained fork of MkDocs 1.x, instead of MkDocs 1.6.1
(the default); the suite checks both build the same site (tests/site/test_second_engine.py).

Exit codes: 0 all good, 1 problems found, 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from generator.check.collection import validate
from generator.check.schema_validator import read_schema
from generator.config.cache_location import cache_in_checkout, validation_cache_path
from generator.config.project import Project
from generator.config.schema_sync import dump, synced, write_synced
from generator.config.taxonomy import Taxonomy
from generator.incremental.preview import PREVIEW_ONLY_VARIABLE
from generator.load.files import named_file
from generator.problems import SetupError, escape_invisible
from generator.reporting import FORMATS, Report, reporter
from generator.reporting.github import summary_markdown

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
# The engines `practice build` and `serve` can run, the default first. Both are pinned in
# pyproject.toml; ProperDocs is the plan for MkDocs' and Material's end (README, "Dependencies
# and the engine").
ENGINES = ("mkdocs", "properdocs")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="practice", description="Tools for the effective practice repository.")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("validate", help="check case studies and report every problem")
    check.add_argument("paths", nargs="*", type=Path, help="case-study files (default: all of practice/)")
    check.add_argument(
        "--format",
        choices=FORMATS,
        default="github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text",
        help="text for terminals, json for tools, github for GitHub Actions annotations "
        "(the default when GITHUB_ACTIONS=true)",
    )
    check.add_argument("--no-cache", action="store_true", help="check every file afresh")

    new = commands.add_parser("new", help="write a skeleton case study to fill in")
    new.add_argument("title", help="name of the practice, e.g. 'Leeds Family Valued'")
    new.add_argument("--locality", required=True, help="who runs it, e.g. 'Leeds City Council'")
    new.add_argument("--id", dest="case_id", help="the id and file name (default: made from the title)")

    schema = commands.add_parser("schema", help="check the schema's enums agree with schema/taxonomy.yaml")
    schema.add_argument("--write", action="store_true", help="rewrite the schema from the taxonomy")

    build = commands.add_parser(
        "build", help="mkdocs build --strict from the repository root; other options go to mkdocs"
    )
    serve = commands.add_parser("serve", help="mkdocs serve from the repository root; other options go to mkdocs")
    for engine_command in (build, serve):
        engine_command.add_argument(
            "--engine", choices=ENGINES, default=ENGINES[0], help="the site engine (default: %(default)s)"
        )
    serve.add_argument(
        "--only",
        action="append",
        type=Path,
        metavar="FILE",
        help="preview only this case study (repeatable), for the quickest rebuilds in a large collection; "
        "ids are still checked against the whole collection",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    # build and serve pass every option they do not know on to mkdocs (e.g. --site-dir).
    args, unknown = parser.parse_known_args(argv)
    if unknown and args.command not in ("build", "serve"):
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    try:
        return _run(args, unknown)
    except BrokenPipeError:  # the reader went away (`practice validate | head`): nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PROBLEMS
    except SetupError as error:  # a fault in the set-up, not in a case study: a message, never a traceback
        print(f"practice: {escape_invisible(str(error))}", file=sys.stderr)
        return EXIT_USAGE


def _run(args: argparse.Namespace, unknown: list[str]) -> int:
    project = Project.find()
    if args.command == "validate":
        return _validate(project, args.paths, args.format, not args.no_cache)
    if args.command == "new":
        return _new(project, args.title, args.locality, args.case_id)
    if args.command == "schema":
        return _schema(project, args.write)
    only = getattr(args, "only", None) or []
    missing = [str(p) for p in only if not p.is_file()]
    if missing:
        print(f"practice: no such file: {escape_invisible(', '.join(missing))}", file=sys.stderr)
        return EXIT_USAGE
    return _engine(project, args.engine, args.command, unknown, [named_file(p) for p in only])


def _validate(project: Project, paths: list[Path], format_name: str, use_cache: bool) -> int:
    missing = [str(p) for p in paths if not p.exists() and not p.is_symlink()]
    if missing:
        print(f"practice: no such file: {escape_invisible(', '.join(missing))}", file=sys.stderr)
        return EXIT_USAGE
    cache_path = validation_cache_path(project) if use_cache else None
    report = validate(project, paths or None, cache_path=cache_path)
    stray = cache_in_checkout(project)  # ignored, whatever it says; the editor is told so
    if stray is not None:
        report = Report([stray, *report.problems], report.files_checked)
    color = format_name == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    print(reporter(format_name)(report, color=color))
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if format_name == "github" and summary_file:
        with open(summary_file, "a", encoding="utf-8") as summary:
            summary.write(summary_markdown(report) + "\n")
    return EXIT_OK if report.valid else EXIT_PROBLEMS


def _new(project: Project, title: str, locality: str, case_id: str | None) -> int:
    from generator import new_case_study

    try:
        path = new_case_study.create(project, title, locality, case_id, date.today())
    except (ValueError, FileExistsError) as error:
        print(f"practice: {error}", file=sys.stderr)
        return EXIT_USAGE
    shown = path.relative_to(project.root)
    print(f"Wrote {shown}. Replace every TODO, then check it with: practice validate {shown}")
    return EXIT_OK


def _schema(project: Project, write: bool) -> int:
    taxonomy = Taxonomy.load(project.taxonomy_path)
    if write:
        changed = write_synced(project.schema_path, read_schema(project.schema_path), taxonomy)
        print(f"{project.schema_path.name}: {'updated from the taxonomy' if changed else 'already up to date'}")
        return EXIT_OK
    current = project.schema_path.read_text(encoding="utf-8")
    if dump(synced(read_schema(project.schema_path), taxonomy)) != current:
        print(f"{project.schema_path.name} disagrees with taxonomy.yaml; run: practice schema --write")
        return EXIT_PROBLEMS
    print(f"{project.schema_path.name} agrees with taxonomy.yaml")
    return EXIT_OK


# MkDocs' own serve options that choose how it rebuilds; without one, practice serve asks for
# dirty rebuilds, which the practice plugin plans itself (generator/incremental/rebuild.py).
SERVE_BUILD_TYPES = ("--dirty", "--clean", "--dirtyreload")


def _engine(project: Project, engine: str, command: str, engine_args: list[str], only: list[Path]) -> int:
    mode = ["--strict"] if command == "build" else []
    if command == "serve" and not any(arg in SERVE_BUILD_TYPES for arg in engine_args):
        mode = ["--dirty"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop(PREVIEW_ONLY_VARIABLE, None)
    if only:
        env[PREVIEW_ONLY_VARIABLE] = os.pathsep.join(str(path) for path in only)
    # The command becomes MkDocs (no child process), so that stopping it stops the server: a
    # child left behind kept serving and watching files after `practice serve` was stopped.
    sys.stdout.flush()
    sys.stderr.flush()
    os.chdir(project.root)
    # Named, not found: ProperDocs would look for properdocs.yml first. A -f given by the
    # editor comes later and wins.
    config = ["--config-file", "mkdocs.yml"]
    os.execve(sys.executable, [sys.executable, "-m", engine, command, *config, *mode, *engine_args], env)


if __name__ == "__main__":
    sys.exit(main())
