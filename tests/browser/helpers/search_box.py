"""Typing into Material's search box and reading its answer, as a reader does."""

from __future__ import annotations

from playwright.sync_api import Page

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
# Answered, and the results drawn: Material may write the line above the
# results a frame before the results themselves.
_ANSWERED = _META % (
    'answered && (meta === t["search.result.none"]'
    ' || document.querySelector(".md-search-result__item") !== null)'
)

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
