"""The site as `mkdocs build --strict` writes it, and the tags of its pages.

Every build of the project runs in `hooks.build_env.build_env()`
(dev.py's commands, the tests' builds), so that all build the same way.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from filelock import FileLock

from hooks.build_env import build_env
from verifier.catalog import REPO_ROOT


@dataclass
class Tag:
    """A start tag of an HTML page: its name and attributes (a bare attribute is `""`)."""

    name: str
    attrs: dict[str, str] = field(default_factory=dict)


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[Tag] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(Tag(tag, {k: v or "" for k, v in attrs}))


def parse_html(text: str) -> list[Tag]:
    """The start tags of an HTML page, in document order (the standard library's parser)."""
    collector = _Collector()
    collector.feed(text)
    collector.close()
    return collector.tags


class Site:
    """A built site: its folder, the build's log, exit status and duration."""

    def __init__(self, directory: Path, log: str, returncode: int, seconds: float):
        self.dir, self.log, self.returncode, self.seconds = directory, log, returncode, seconds

    def pages(self) -> list[Path]:
        """Every page's HTML file (404.html is no page)."""
        return sorted(p for p in self.dir.rglob("*.html") if p.name != "404.html")

    def html(self, relative: str | Path) -> list[Tag]:
        """The tags of the HTML file at `relative` (to the site's folder)."""
        return parse_html((self.dir / relative).read_text(encoding="utf-8"))


def build_site(out: Path, extra_env: Mapping[str, str] | None = None) -> Site:
    """`mkdocs build --strict` of this repository into `out`, in `build_env(extra_env)`."""
    started = time.monotonic()
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
        env=build_env(extra_env),
    )
    return Site(out, build.stdout + build.stderr, build.returncode, time.monotonic() - started)


def build_site_once(out: Path) -> Site:
    """`build_site(out)`, made by the first process that asks and shared by the
    others (pytest-xdist's workers): they wait for it under a file lock and read
    how it went from `out`'s record next to it."""
    record = out.with_name(out.name + ".json")
    with FileLock(str(out.with_name(out.name + ".lock"))):
        if not record.is_file():
            site = build_site(out)
            done = {"log": site.log, "returncode": site.returncode, "seconds": site.seconds}
            record.write_text(json.dumps(done), encoding="utf-8")
        done = json.loads(record.read_text(encoding="utf-8"))
    return Site(out, done["log"], done["returncode"], done["seconds"])
