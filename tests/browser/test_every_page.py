"""Every page of both languages, visited once in Chromium.

One visit checks, in this order:

1. the page loads with no console error, uncaught exception, failed request or
   HTTP error, requests nothing from any other origin, and draws every Mermaid
   diagram (each diagram host has a size);
2. the copy button of every verified program puts exactly that program on the
   clipboard, without trailing whitespace;
3. the language menu leads to the same page in the other language.

The visits of the home page and the queue page also write a screenshot to
test-artifacts/screenshots/ (git-ignored), for people to look at.

One visit, not one per check: a page load costs 1-2 s of both cores here, and
three visits of 22 pages would not fit the suite's time budget.
"""

from __future__ import annotations

import pytest
from code_blocks import copy_problems
from local_server import origin_of, serve
from page_ready import wait_for_diagrams
from page_recorder import PageRecorder, wait_until_settled
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect
from site_pages import SITE_PAGES, SitePage, pages_where

from verifier.catalog import REPO_ROOT

pytestmark = pytest.mark.xdist_group("site")

SCREENSHOTS = REPO_ROOT / "test-artifacts" / "screenshots"
SCREENSHOT_PAGES = ("index", "queue")


def diagram_problems(page: Page, expected: int) -> list[str]:
    # The drawing is in a closed shadow root: its size shows on the host.
    hosts = page.locator("div.mermaid").all()
    if len(hosts) != expected:
        return [f"diagrams: {len(hosts)} drawn, the page has {expected}"]
    sizes = [host.bounding_box() for host in hosts]
    empty = [box for box in sizes if not (box and box["width"] > 0 and box["height"] > 0)]
    return [f"diagrams: drawn with no size: {empty}"] if empty else []


def switch_language(page: Page, served, site_page: SitePage) -> list[str]:
    other = "en" if site_page.language == "zh" else "zh"
    try:
        # The menu opens while the pointer is on the language button, as for a reader.
        page.locator(".md-header .md-select > button").hover()
        page.locator(f'.md-select__link[hreflang="{other}"]').click()
        # The twin's address and language are known as soon as it starts to arrive.
        page.wait_for_url(served.url(site_page.twin), wait_until="commit")
        expect(page.locator("html")).to_have_attribute("lang", other)
    except (PlaywrightError, AssertionError) as error:
        return [f"language switcher: expected {site_page.twin} in {other}, got {page.url}: {error}"]
    return []


@pytest.mark.parametrize("site_page", pages_where())
def test_page(new_page, served, site_page: SitePage, record_property) -> None:
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    recorder = PageRecorder(page, served.origin)
    page.goto(served.url(site_page.path))
    wait_for_diagrams(page)
    if site_page.name in SCREENSHOT_PAGES:  # before copying shows a "Copied" note
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(
            path=SCREENSHOTS / f"{site_page.language}-{site_page.name}.png", full_page=True
        )
    # Copy while the search worker indexes the site on the other core.
    problems = [f"copy button: {p}" for p in copy_problems(page, site_page.source.programs)]
    wait_until_settled(page)
    record_property("requests", len(recorder.requests))
    problems += [f"request outside the site: {url}" for url in recorder.external]
    problems += recorder.errors
    problems += diagram_problems(page, site_page.diagrams)
    if len(recorder.requests) < 5:  # the page, CSS, scripts, search index
        problems.append(f"only {len(recorder.requests)} requests: {recorder.requests}")
    problems += switch_language(page, served, site_page)  # last: it leaves the page
    assert not problems, "\n".join(problems)


def test_copy_check_finds_trailing_whitespace(new_page, served) -> None:
    """The copy check can fail: with the spaces before `# (N)!` markers copied
    again (a style undoing the fix of hooks/code_annotations.py), it says so."""
    home = next(page for page in SITE_PAGES if page.is_home and page.program_markers)
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto(served.url(home.path))
    page.add_style_tag(content="[data-md-copying] .annotation-space { display: inline }")
    problems = "\n".join(copy_problems(page, home.source.programs))
    assert "trailing whitespace on copied lines" in problems and "differs" in problems, problems


def test_every_built_page_is_visited(served) -> None:
    """The pages visited (from the page catalog) are exactly the pages built."""
    built = {
        p.relative_to(served.site.dir).as_posix().removesuffix("index.html")
        for p in served.site.pages()
    }
    assert built == {page.path for page in SITE_PAGES}


def test_recorder_sees_outside_requests_and_errors(page: Page, tmp_path) -> None:
    """The load check can fail: a page with an external script, a missing
    stylesheet, a console error and an uncaught exception is caught on each count."""
    (tmp_path / "index.html").write_text(
        "<!doctype html><html><head>"
        '<script src="https://cdn.example.invalid/lib.js"></script>'
        '<link rel="stylesheet" href="missing.css">'
        "</head><body><script>"
        'console.error("boom"); throw new Error("uncaught");'
        "</script></body></html>",
        encoding="utf-8",
    )
    with serve(tmp_path) as base_url:
        recorder = PageRecorder(page, origin_of(base_url))
        page.goto(base_url, wait_until="networkidle")
    assert recorder.external == ["https://cdn.example.invalid/lib.js"]
    errors = "\n".join(recorder.errors)
    for expected in ("HTTP 404", "missing.css", "console error: boom", "page error: uncaught"):
        assert expected in errors, errors
