"""`practice serve --only FILE`: a quick preview of the case studies being edited, which a
build can never be mistaken for."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from benchmarks.serve_reload import free_port
from generator.incremental.preview import PREVIEW_ONLY_VARIABLE, PreviewError, preview_only
from tests.conftest import REPO, build
from tests.support.site_html import parse_html

EXAMPLE = (REPO / "tests" / "examples" / "positive" / "minimal-valid.yaml").read_text(encoding="utf-8")


def case_study(case_id: str) -> str:
    return EXAMPLE.replace("id: minimal-valid", f"id: {case_id}").replace(
        "title: Minimal valid case study", f"title: Practice {case_id}"
    )


def test_the_preview_list_is_read_only_when_serving():
    assert preview_only({}, serving=True) is None
    value = os.pathsep.join(["/a/one.yaml", "/a/two.yaml"])
    assert preview_only({PREVIEW_ONLY_VARIABLE: value}, serving=True) == [Path("/a/one.yaml"), Path("/a/two.yaml")]
    with pytest.raises(PreviewError, match="Unset it to build the whole site"):
        preview_only({PREVIEW_ONLY_VARIABLE: value}, serving=False)


def test_a_build_with_the_preview_variable_set_is_refused(scratch_project, tmp_path_factory):
    project = scratch_project({"one.yaml": case_study("one"), "two.yaml": case_study("two")})
    env = {**os.environ, PREVIEW_ONLY_VARIABLE: str(project.practice_dir / "one.yaml")}
    result = build(project.root, tmp_path_factory.mktemp("refused"), env=env)
    assert result.returncode != 0
    assert f"{PREVIEW_ONLY_VARIABLE} is set, which would build only part of the collection" in result.stderr
    assert "Traceback" not in result.stderr


def test_only_a_missing_file_is_a_usage_error(scratch_project):
    project = scratch_project({"one.yaml": case_study("one")})
    result = subprocess.run(
        [sys.executable, "-m", "generator.adapters.cli", "serve", "--only", "practice/nope.yaml"],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "no such file: practice/nope.yaml" in result.stderr


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return 0, ""


def test_serve_only_previews_the_named_case_studies(scratch_project):
    project = scratch_project({f"{name}.yaml": case_study(name) for name in ("one", "two", "three")})
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator.adapters.cli",
            "serve",
            "--only",
            "practice/two.yaml",
            "-a",
            f"127.0.0.1:{port}",
        ],
        cwd=project.root,
        env={k: v for k, v in os.environ.items() if k != PREVIEW_ONLY_VARIABLE},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 120
        while fetch(base + "practice/two/")[0] != 200:
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            assert time.monotonic() < deadline, "mkdocs serve did not come up"
            time.sleep(0.2)
        assert "Practice two" in fetch(base + "practice/two/")[1]
        assert fetch(base + "practice/one/")[0] == 404
        assert parse_html(fetch(base + "finder/")[1]).cards == ["two"]  # the whole preview: one case study
    finally:
        server.terminate()
        server.wait(timeout=30)
    # Stopping the command stops the server: nothing is left serving the port.
    left = [p for p in Path("/proc").iterdir() if p.name.isdigit() and f"127.0.0.1:{port}" in _cmdline(p)]
    assert left == []


def _cmdline(process: Path) -> str:
    try:
        return (process / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""
