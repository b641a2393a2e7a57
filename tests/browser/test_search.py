"""Material's search, typed into the search box: the right page comes up."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from hooks.site_map import HOME, LANGUAGES, url_path
from tests.browser.helpers.page_events import PageRecorder

pytestmark = pytest.mark.xdist_group("site")

# Per language: (query, pages of which one must be among the first results).
SEARCHES = {
    "zh": [
        ("管道", ["pipe"]),
        ("队列", ["queue"]),
        ("共享内存", ["shared-memory"]),
        ("进程池", ["pools"]),
        ("锁", ["synchronization"]),
        ("死锁", ["queue", "pitfalls"]),
    ],
    "en": [
        ("pipe", ["pipe"]),
        ("queue", ["queue"]),
        ("shared memory", ["shared-memory"]),
        ("pool", ["pools"]),
        ("lock", ["synchronization"]),
        ("deadlock", ["queue", "pitfalls"]),
    ],
}
TOP = 5

# Material's line above the results says "Initializing search" until the
# worker is ready, "Type to start searching" for an empty box, and once the
# worker has answered a query: "No matching documents", "1 matching document"
# or "# matching documents" (translated, from the page's __config).
_META = """() => {
    const t = JSON.parse(document.getElementById("__config").textContent).translations;
    const meta = document.querySelector(".md-search-result__meta").textContent.trim();
    const [before, after] = t["search.result.other"].split("#");
    const count = meta.slice(before.length, meta.length - after.length);
    const answered = meta === t["search.result.none"] || meta === t["search.result.one"]
        || (meta.startsWith(before) && meta.endsWith(after) && /^\\d+$/.test(count));
    return %s;
}"""
_EMPTY_BOX = _META % 'meta === t["search.result.placeholder"]'
_ANSWERED = _META % "answered"

SEARCH_READY = """() => {
    const meta = document.querySelector(".md-search-result__meta");
    const ready = JSON.parse(document.getElementById("__config").textContent)
        .translations["search.result.placeholder"];
    return meta !== null && meta.textContent.trim() === ready;
}"""
"""Material's search is ready once its worker has the index and the language
scripts; it then replaces the "initializing" text above the results."""


def search(page: Page, query: str) -> list[str]:
    """Type `query` into the search box; the result pages' URLs, best first."""
    box = page.locator("input.md-search__input")
    box.click()
    # Start from an empty box, answered: then the next answer is this query's.
    box.fill("")
    box.press("End")  # Material reads the box on keyup: fill() alone sends no key
    page.wait_for_function(_EMPTY_BOX)
    box.fill(query)
    box.press("End")
    page.wait_for_function(_ANSWERED)
    # One result per page: its first link is the page; more links in it are
    # sections of the page. Kept without #section and the ?h= of search.highlight.
    return page.locator(".md-search-result__item").evaluate_all(
        """items => items.map(item => {
            const link = item.querySelector("a.md-search-result__link");
            return link.origin + link.pathname;
        })"""
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds(page: Page, served, language: str) -> None:
    # One page for all queries of a language: the search worker indexes the
    # whole site once per page load, which is most of the time this takes.
    page.goto(served.url(url_path(language, HOME)))
    missed = []
    for query, expected in SEARCHES[language]:
        found = search(page, query)[:TOP]
        wanted = [served.url(url_path(language, name)) for name in expected]
        if not set(found) & set(wanted):
            missed.append(f"{query!r}: none of {expected} in the first {TOP}: {found}")
    assert not missed, "\n".join(missed)


def test_search_reports_no_result(page: Page, served) -> None:
    """The check above can fail: a word on no page gives no result, and says so."""
    page.goto(served.url(url_path("en", HOME)))
    assert search(page, "xylophone") == []
    expect(page.locator(".md-search-result__meta")).to_have_text("No matching documents")


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_index_comes_when_the_reader_goes_for_search(
    page: Page, served, language: str
) -> None:
    """A page does not fetch the search index (most of what a page would
    weigh) until the reader opens the search; then search works
    from the site alone, without errors."""
    recorder = PageRecorder(page, served.origin)
    page.goto(served.url(url_path(language, HOME)))
    page.wait_for_load_state("networkidle")
    index = [url for url in recorder.requests if url.endswith("/search/search_index.json")]
    assert not index, f"fetched before anyone searched: {index}"
    page.locator("input.md-search__input").click()
    page.wait_for_function(SEARCH_READY)
    page.wait_for_load_state("networkidle")
    index = [url for url in recorder.requests if url.endswith("/search/search_index.json")]
    assert len(index) == 1, recorder.requests
    assert not recorder.errors and not recorder.external, recorder.errors + recorder.external
