"""The page furniture in a real browser: "Copy page as Markdown" puts the
page's Markdown on the clipboard and says so; the header's repository link
makes no request (Material's own would ask the GitHub API on every page, as
the last test shows); a missing address gets the 404 page in both languages,
whose links lead home.  tests/test_page_furniture.py reads the rest from the
built files."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from devtools.local_server import serve
from hooks.site_map import HOME, LANGUAGES, url_path
from tests.browser.helpers.page_events import PageRecorder

pytestmark = pytest.mark.xdist_group("site-browser-page_furniture")

LABELS = {
    "zh": ("复制本页 Markdown", "已复制本页 Markdown"),
    "en": ("Copy page as Markdown", "Page copied as Markdown"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_copy_page_as_markdown(new_page, served, language: str) -> None:
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    recorder = PageRecorder(page, served.origin)
    path = url_path(language, "queue")
    page.goto(served.url(path))
    label, copied = LABELS[language]
    page.get_by_role("link", name=label, exact=True).click()
    expect(page.locator(".md-dialog")).to_contain_text(copied)
    clipboard = page.evaluate("navigator.clipboard.readText()")
    assert clipboard == (served.site.dir / path / "index.md").read_text(encoding="utf-8")
    assert page.url == served.url(path), "the click left the page"
    assert not recorder.errors, recorder.errors


def test_the_repository_link_asks_no_api(new_page, served) -> None:
    """The check of every page (no request outside the site) catches Material's
    own repository link, which fetches the repository's facts from GitHub's API:
    here the link is given back its `data-md-component="source"`."""
    page = new_page()
    recorder = PageRecorder(page, served.origin)
    url = served.url(url_path("en", HOME))
    built = (served.site.dir / url_path("en", HOME) / "index.html").read_text(encoding="utf-8")
    stock, count = re.subn(
        r'class="md-source"', 'class="md-source" data-md-component="source"', built
    )
    assert count, "no repository link in the header"
    page.route(
        url, lambda route: route.fulfill(content_type="text/html; charset=utf-8", body=stock)
    )
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert any("api.github.com" in request for request in recorder.external), recorder.requests
    clean = new_page()
    recorder = PageRecorder(clean, served.origin)
    clean.goto(url)
    clean.wait_for_load_state("networkidle")
    assert not recorder.external, recorder.external


def test_a_missing_page_gets_the_404_page(new_page, served) -> None:
    """Served at the domain root, as the site is built without SITE_URL: the
    page a host shows for any missing address, in both languages, with its
    styles, each language's link leading to its home page."""
    with serve(served.site.dir, prefix="/") as base:
        page = new_page()
        recorder = PageRecorder(page, base.rstrip("/"))
        response = page.goto(base + "no/such/page/")
        assert response is not None and response.status == 404
        expect(page.locator("html")).to_have_attribute("lang", LANGUAGES[0])
        for language in LANGUAGES:
            expect(page.locator(f"section[lang={language}] h1")).to_be_visible()
        # Material's stylesheet applied: the header has its colour, not the default.
        header = page.locator(".md-header").evaluate("e => getComputedStyle(e).backgroundColor")
        assert header not in {"rgba(0, 0, 0, 0)", "transparent"}, header
        page.wait_for_load_state("networkidle")
        # The page's own 404 status is reported twice (a response, a console line).
        missing = f"{base}no/such/page/"
        errors = [e for e in recorder.errors if not e.endswith((missing, f"({missing})"))]
        assert not errors and not recorder.external, errors + recorder.external
        for language in LANGUAGES:
            page.goto(base + "no/such/page/")
            page.locator(f"section[lang={language}] a").first.click()
            page.wait_for_url(base + url_path(language, HOME))
            expect(page.locator("html")).to_have_attribute("lang", language)
