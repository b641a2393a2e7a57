"""The pages of the site, from the page catalog, with the URL each is built at."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from built_site import url_path

from verifier.catalog import REPO_ROOT, site_catalog
from verifier.pages import Page

LANGUAGES = ("zh", "en")
"""Chinese at the site root, English below en/."""

_MARKER = re.compile(r"#[ \t]*\(\d+\)!")


@dataclass(frozen=True)
class SitePage:
    source: Page

    @property
    def language(self) -> str:
        return self.source.path.parts[1]

    @property
    def name(self) -> str:
        """`queue`, `contributing/verification`, `index`."""
        return Path(*self.source.path.parts[2:]).with_suffix("").as_posix()

    @property
    def path(self) -> str:
        """Where the page is built, relative to the site root: `en/queue/`, `` (home)."""
        return url_path(self.language, self.name)

    @property
    def twin(self) -> str:
        """The same page in the other language."""
        return url_path("en" if self.language == "zh" else "zh", self.name)

    @property
    def is_home(self) -> bool:
        return self.name == "index"

    @property
    def id(self) -> str:
        return f"{self.language}/{self.name}"

    @property
    def diagrams(self) -> int:
        return sum(fence.language == "mermaid" for fence in self.source.fences)

    @property
    def program_markers(self) -> int:
        """`# (N)!` annotation markers in the verified programs the page shows."""
        return sum(
            len(_MARKER.findall((REPO_ROOT / program.example).read_text(encoding="utf-8")))
            for program in self.source.programs
        )


SITE_PAGES = [SitePage(page) for page in site_catalog().pages]
"""Every page of both languages; test parameters come from here, never from a list."""


def pages_where(condition=lambda page: True) -> list:
    """pytest parameters for the pages that satisfy `condition`, with readable ids."""
    return [pytest.param(page, id=page.id) for page in SITE_PAGES if condition(page)]
