"""Gather every page of the site and the distinct programs they show.

The Chinese and English pages show the same example files, so a program is
identified by the code it runs: it is run once per start method, and its
result is checked against every page that shows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from verifier.pages import START_METHODS, STDOUT_KINDS, Page, ShownProgram, read_page

REPO_ROOT = Path(__file__).resolve().parents[1]
"""The repository: `docs/`, `examples/` and `mkdocs.yml` live here."""


@dataclass
class Snippet:
    """One distinct program and every place the site shows it."""

    example: str
    code: str
    shown: list[ShownProgram] = field(default_factory=list)

    @property
    def id(self) -> str:
        """Short name for test ids, e.g. `queue/put_get.py`."""
        return self.example.removeprefix("examples/")

    @property
    def methods(self) -> tuple[str, ...]:
        """Every start method some page claims an output for."""
        claimed = {m for shown in self.shown for m in shown.methods}
        return tuple(m for m in START_METHODS if m in claimed)

    @property
    def stdout_kinds(self) -> tuple[str, ...]:
        """Where stdout goes in the runs some page claims: `terminal`, and `file`
        if a page shows what the program prints with its output redirected."""
        claimed = {k for shown in self.shown for k in shown.stdout_kinds}
        return tuple(k for k in STDOUT_KINDS if k in claimed)

    @property
    def filename(self) -> str:
        """The file name a reader would save the program as."""
        return Path(self.example).name


@dataclass
class Catalog:
    """The site's pages and the snippets they show."""

    root: Path
    pages: list[Page]
    snippets: list[Snippet]

    def examples_on(self, language: str) -> set[str]:
        """Example files shown on the pages of one language (`zh` or `en`)."""
        return {
            program.example
            for page in self.pages
            if page.path.parts[1:2] == (language,)
            for program in page.programs
        }


def collect(root: Path) -> Catalog:
    """Read every Markdown page under `root/docs` (pieces under `_includes` are not pages)."""
    files = sorted((root / "docs").rglob("*.md"))
    pages = [read_page(p, root) for p in files if "_includes" not in p.parts]
    by_code: dict[tuple[str, str], Snippet] = {}
    for page in pages:
        for program in page.programs:
            key = (program.example, program.code)
            by_code.setdefault(key, Snippet(program.example, program.code)).shown.append(program)
    return Catalog(root, pages, list(by_code.values()))


@cache
def site_catalog(root: Path = REPO_ROOT) -> Catalog:
    """The catalog of the site at `root` (this repository), read once per process."""
    return collect(root)
