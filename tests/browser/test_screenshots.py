"""Screenshots of the home page and a topic page of each language, for people to look at.

Written to test-artifacts/screenshots/ (git-ignored), not compared with anything.
"""

from __future__ import annotations

import pytest
from page_ready import wait_for_diagrams
from playwright.sync_api import Page
from site_pages import LANGUAGES, url_path

from verifier.catalog import REPO_ROOT

pytestmark = pytest.mark.xdist_group("site")

SHOWN = [(language, name) for language in LANGUAGES for name in ("index", "queue")]
SCREENSHOTS = REPO_ROOT / "test-artifacts" / "screenshots"


@pytest.mark.parametrize(("language", "name"), SHOWN)
def test_screenshot(page: Page, served, language: str, name: str) -> None:
    page.goto(served.url(url_path(language, name)))
    wait_for_diagrams(page)
    path = SCREENSHOTS / f"{language}-{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=path, full_page=True)
    assert path.stat().st_size > 10_000  # not a blank page
