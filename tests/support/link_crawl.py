"""Crawl a built site as readers and feed readers would: every internal link and anchor, and
which pages can be reached from the home page at all."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import deque
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.support.site_html import read_page

ATOM = "{http://www.w3.org/2005/Atom}"


@dataclass
class Crawl:
    broken: list[str] = field(default_factory=list)  # "from -> link (why)"
    unreachable: list[str] = field(default_factory=list)  # pages no link chain from the home page reaches


def target_of(site: Path, source: Path, link: str) -> tuple[Path, str] | None:
    """The file and anchor an internal link points at; None for other hosts and schemes."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith("//"):
        return None
    if not parts.path:
        target = source
    elif parts.path.startswith("/"):  # 404.html links from the root, wherever it is served
        target = site / unquote(parts.path).lstrip("/")
    else:
        target = (source.parent / unquote(parts.path)).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def feed_links(path: Path) -> list[str]:
    return [link.get("href", "") for link in ET.parse(path).getroot().iter(f"{ATOM}link")]


def crawl(site: Path) -> Crawl:
    site = site.resolve()
    pages = sorted(site.rglob("*.html"))
    read = cache(read_page)
    result = Crawl()
    links_from = {page: read(page).links for page in pages}
    for feed in site.rglob("*.xml"):
        if ET.parse(feed).getroot().tag == f"{ATOM}feed":
            links_from[feed] = feed_links(feed)
    followed: dict[Path, list[Path]] = {}
    for source, links in links_from.items():
        followed[source] = []
        for link in links:
            found = target_of(site, source, link)
            if found is None:
                continue
            target, anchor = found
            where = f"{source.relative_to(site)} -> {link}"
            if not target.is_file() or site not in target.parents:
                result.broken.append(f"{where} (no such file)")
            elif target.suffix == ".html":
                if anchor and anchor not in read(target).ids:
                    result.broken.append(f"{where} (no such anchor)")
                followed[source].append(target)
    reached, queue = {site / "index.html"}, deque([site / "index.html"])
    while queue:
        for target in followed.get(queue.popleft(), []):
            if target not in reached:
                reached.add(target)
                queue.append(target)
    result.unreachable = sorted(str(p.relative_to(site)) for p in pages if p not in reached)
    return result
