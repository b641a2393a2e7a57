"""The site as `mkdocs build --strict` writes it: both languages, one build per session."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from page_html import parse_html

from verifier.catalog import REPO_ROOT
from verifier.pages import Page


def url_path(language: str, name: str) -> str:
    """Where page `name` (`queue`, `index`, ...) of `language` is built, relative to
    the site root: Chinese at the root, English below en/ (`en/queue/`, `` for home)."""
    page = "" if name == "index" else f"{name}/"
    return page if language == "zh" else f"en/{page}"


def html_file(page: Page) -> str:
    """The built HTML file of a source page, relative to the site root."""
    language, *rest = page.path.parts[1:]
    return url_path(language, Path(*rest).with_suffix("").as_posix()) + "index.html"


class Site:
    def __init__(self, directory: Path, log: str, returncode: int, seconds: float):
        self.dir, self.log, self.returncode, self.seconds = directory, log, returncode, seconds

    def pages(self) -> list[Path]:
        return sorted(p for p in self.dir.rglob("*.html") if p.name != "404.html")

    def html(self, relative: str):
        return parse_html((self.dir / relative).read_text(encoding="utf-8"))


def build_site(out: Path) -> Site:
    started = time.monotonic()
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return Site(out, build.stdout + build.stderr, build.returncode, time.monotonic() - started)
