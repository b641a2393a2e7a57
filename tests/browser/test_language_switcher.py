"""The language menu of every page leads to the same page in the other language."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from site_pages import SitePage, pages_where

pytestmark = pytest.mark.xdist_group("site")


@pytest.mark.parametrize("site_page", pages_where())
def test_language_switcher_leads_to_the_same_page(page: Page, served, site_page: SitePage) -> None:
    page.goto(served.url(site_page.path))
    other = "en" if site_page.language == "zh" else "zh"
    # The menu opens while the pointer is on the language button, as for a reader.
    page.locator(".md-header .md-select > button").hover()
    page.locator(f'.md-select__link[hreflang="{other}"]').click()
    # The twin's URL and language are known once it starts arriving.
    page.wait_for_url(served.url(site_page.twin), wait_until="commit")
    expect(page.locator("html")).to_have_attribute("lang", other)
