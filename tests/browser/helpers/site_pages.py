"""The pages of the site, from the page catalog, with the URL each is built at."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from hooks.site_map import HOME, catalog_page, twin, url_path
from verifier.catalog import site_catalog
from verifier.pages import Page


@dataclass(frozen=True)
class SitePage:
    source: Page

    @property
    def language(self) -> str:
        return catalog_page(self.source)[0]

    @property
    def name(self) -> str:
        """`queue`, `contributing/verification`, `index`."""
        return catalog_page(self.source)[1]

    @property
    def path(self) -> str:
        """Where the page is built, relative to the site root: `en/queue/`, `` (home)."""
        return url_path(self.language, self.name)

    @property
    def twin(self) -> str:
        """Where the same page is built in the other language."""
        return twin(self.language, self.name)

    @property
    def is_home(self) -> bool:
        return self.name == HOME

    @property
    def id(self) -> str:
        return f"{self.language}/{self.name}"

    @property
    def diagrams(self) -> int:
        return sum(fence.language == "mermaid" for fence in self.source.fences)

    @property
    def program_markers(self) -> int:
        """`# (N)!` annotation markers in the verified programs the page shows."""
        return sum(example.markers for example in self.source.examples)


SITE_PAGES = [SitePage(page) for page in site_catalog().pages]
"""Every page of every language; test parameters come from here, never from a list."""


def pages_where(condition=lambda page: True) -> list:
    """pytest parameters for the pages that satisfy `condition`, with readable ids."""
    return [pytest.param(page, id=page.id) for page in SITE_PAGES if condition(page)]
