"""Debian's Chromium, driven by Playwright: no browser download (none is possible here)."""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


# One page of each kind the site has, for checks too slow to run on every page.
PAGE_KINDS = [
    "",
    "practice/family-intervention-projects/",
    "ratings/",
    "ratings/promising/",
    "characteristics/",
    "characteristics/evaluation-of-impact/",
    "themes/",
    "themes/safeguarding/",
    "regions/",
    "regions/national/",
    "outcomes/",
    "outcomes/offending/",
    "models/",
    "models/family-safeguarding/",
    "about/evidence/",
    "about/glossary/",
    "finder/",
    "gap-map/",
    "gap-map/outcomes/",
    "gap-map/impact-evidence/",
    "gap-map/themes-outcomes/",
    "models/multisystemic-therapy/",
    "data/",
    "contributing/",
    "contributing/propose/",
    "contributing/format/",
    "about/accessibility/",
    "about/privacy/",
    "editors/",
    "editors/review/",
    "404.html",
]


def chromium_path() -> str:
    path = shutil.which("chromium")
    if path is None:
        raise RuntimeError(
            "Chromium is not installed. Install Debian's package (apt-get install chromium), "
            "or run: bash scripts/setup.sh test"
        )
    return path


@contextmanager
def launch_chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    executable = chromium_path()  # before Playwright starts: a missing browser fails with the fix
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class StaticHostHandler(SimpleHTTPRequestHandler):
    """A static host: files as they are, and the site's 404.html (status 404) for an address
    with nothing behind it, as GitHub Pages and most hosts do."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextmanager
def serve(directory: Path, handler: type[StaticHostHandler] = StaticHostHandler) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 with `handler` (a subclass may add, say, gzip); yields
    its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
