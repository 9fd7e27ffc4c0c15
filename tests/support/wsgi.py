"""A stand-in for MkDocs' server app, and a request to any WSGI app."""

from __future__ import annotations

from pathlib import Path


def file_app(site: Path):
    """As MkDocs' server answers: the file's bytes, as they are when it is opened."""

    def app(environ, start_response):
        path = environ["PATH_INFO"].lstrip("/")
        target = site / (path + "index.html" if path.endswith("/") or not path else path)
        start_response("200 OK", [("Content-Type", "text/html")])
        return [target.read_bytes()]

    return app


def ask(app, path: str) -> bytes:
    answer: list = []
    body = b"".join(app({"PATH_INFO": path}, lambda *args: answer.extend(args)))
    assert answer[0] == "200 OK"
    return body
