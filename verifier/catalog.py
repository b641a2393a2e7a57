"""Gather every page of the site and the distinct examples they show.

The Chinese and English pages show the same example files, so an example is
identified by the code it runs: it is run once per start method, and its
result is checked against every page that shows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from verifier.declarations import Example
from verifier.pages import Page, read_page

REPO_ROOT = Path(__file__).resolve().parents[1]
"""The repository: `docs/`, `examples/` and `mkdocs.yml` live here."""


@dataclass
class Catalog:
    """The site's pages and the examples they show."""

    pages: list[Page]
    examples: list[Example]

    def examples_on(self, language: str) -> set[str]:
        """Example files shown on the pages of one language (`zh` or `en`)."""
        return {
            example.file
            for page in self.pages
            if page.path.parts[1:2] == (language,)
            for example in page.examples
        }


def collect(root: Path) -> Catalog:
    """Read every Markdown page under `root/docs` (pieces under `_includes` are not pages)."""
    files = sorted((root / "docs").rglob("*.md"))
    pages = [read_page(p, root) for p in files if "_includes" not in p.parts]
    by_code: dict[tuple, Example] = {}
    for page in pages:
        for shown in page.examples:
            key = (shown.file, shown.code, shown.files)
            example = Example(shown.file, shown.code, files=shown.files)
            by_code.setdefault(key, example).shown.append(shown)
    return Catalog(pages, list(by_code.values()))


@cache
def site_catalog(root: Path = REPO_ROOT) -> Catalog:
    """The catalog of the site at `root` (this repository), read once per process."""
    return collect(root)
