"""Every page of both languages, visited once in Chromium.

One visit checks, in this order:

1. the page loads with no console error, uncaught exception, failed request or
   HTTP error, requests nothing from any other origin, shows every Mermaid
   diagram (each diagram host has a size) without loading Mermaid (the
   diagrams are drawn ahead, see hooks/static_diagrams.py), and gives every
   table cell a header;
2. the copy button of every Python file shown (a verified program, or a module
   a program needs) puts exactly that file on the clipboard, without trailing
   whitespace;
3. the language menu leads to the same page in the other language.

The visits of the home page and the queue page also write a screenshot to
test-artifacts/screenshots/ (git-ignored), for people to look at.

One visit, not one per check: a page load costs 1-2 s of both cores here, and
three visits of 22 pages would not fit the suite's time budget.
"""

from __future__ import annotations

import html
import re

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect

from devtools.local_server import origin_of, serve
from hooks import static_diagrams
from hooks.site_map import HOME, other_language, url_of
from hooks.table_headers import with_row_headers
from tests.browser.helpers.code_blocks import copy_problems
from tests.browser.helpers.page_events import (
    PageRecorder,
    diagram_problems,
    wait_for_diagrams,
    wait_until_settled,
)
from tests.browser.helpers.site_pages import SITE_PAGES, SitePage, pages_where
from verifier.catalog import REPO_ROOT

pytestmark = pytest.mark.xdist_group("site-browser-every_page")

SCREENSHOTS = REPO_ROOT / "test-artifacts" / "screenshots"
SCREENSHOT_PAGES = (HOME, "queue")


def mermaid(recorder: PageRecorder) -> list[str]:
    """What the page fetched of the vendored Mermaid itself (not its small stand-in)."""
    return [url for url in recorder.requests if "/vendor/mermaid-" in url and url.endswith(".mjs")]


# Every cell of a table body has a header, in its column or in its row, and no
# header is empty (Lighthouse's td-has-header and empty-table-header, both
# from axe-core; hooks/table_headers.py gives comparison tables row headers).
_TABLE_PROBLEMS = """() => {
    const problems = [];
    document.querySelectorAll("article table").forEach((table, t) => {
        const where = `table ${t + 1}`;
        const named = (cell) => cell.tagName === "TH" && cell.textContent.trim() !== "";
        table.querySelectorAll("th").forEach((header) => {
            if (!named(header)) problems.push(`${where}: an empty header cell`);
        });
        const head = table.querySelector("thead tr");
        const columns = head ? Array.from(head.children, named) : [];
        table.querySelectorAll("tbody tr").forEach((row) => {
            const rowHeader = Array.from(row.children).some(named);
            Array.from(row.children).forEach((cell, c) => {
                const text = cell.textContent.trim();
                if (cell.tagName === "TD" && text && !rowHeader && !columns[c])
                    problems.push(`${where}: no header for "${text.slice(0, 40)}"`);
            });
        });
    });
    return problems;
}"""


def table_problems(page: Page) -> list[str]:
    return [f"tables: {problem}" for problem in page.evaluate(_TABLE_PROBLEMS)]


def switch_language(page: Page, served, site_page: SitePage) -> list[str]:
    other = other_language(site_page.language)
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
    problems = [f"copy button: {p}" for p in copy_problems(page, site_page.source)]
    wait_until_settled(page)
    record_property("requests", len(recorder.requests))
    problems += [f"request outside the site: {url}" for url in recorder.external]
    problems += recorder.errors
    problems += diagram_problems(page, site_page.diagrams)
    problems += [f"Mermaid loaded, yet every diagram is drawn: {url}" for url in mermaid(recorder)]
    problems += table_problems(page)
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
    problems = "\n".join(copy_problems(page, home.source))
    assert "trailing whitespace on copied lines" in problems and "differs" in problems, problems


def test_every_built_page_is_visited(served) -> None:
    """The pages visited (from the page catalog) are exactly the pages built."""
    built = {url_of(p.relative_to(served.site.dir)) for p in served.site.pages()}
    assert built == {page.path for page in SITE_PAGES}


def test_every_diagram_is_drawn_ahead(served) -> None:
    """Every diagram of the site has a current drawing in hooks/assets/diagrams/, and
    every drawing there belongs to a diagram: readers' browsers run no Mermaid."""
    undrawn, used = [], set()
    for path in served.site.pages():
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(served.site.dir).as_posix()
        undrawn += [where for _ in re.findall(r'<pre class="mermaid"><code>', text)]
        used.update(re.findall(r'<pre class="mermaid"><svg id="(diagram-[0-9a-f]+)"', text))
    kept = {path.stem for path in static_diagrams.DIAGRAMS.glob("*.svg")}
    redraw = "redraw them: python3 dev.py diagrams"
    assert not undrawn, f"diagrams without a drawing on {undrawn}; {redraw}"
    assert kept == used, f"drawings of no diagram: {sorted(kept - used)}; {redraw}"


def test_a_diagram_without_a_drawing_is_drawn_by_mermaid(new_page, served) -> None:
    """A diagram changed since it was drawn ahead is drawn in the browser by the
    vendored Mermaid, fetched from the site once the diagram nears the viewport."""
    site_page = next(p for p in SITE_PAGES if p.language == "en" and p.name == "queue")
    fence = next(fence for fence in site_page.source.fences if fence.language == "mermaid")
    built = (served.site.dir / site_page.path / "index.html").read_text(encoding="utf-8")
    source = f'<pre class="mermaid"><code>{html.escape(fence.body)}</code></pre>'
    undrawn, count = re.subn(
        r'<pre class="mermaid">.*?</pre>', lambda _: source, built, flags=re.DOTALL
    )
    assert count == 1, built
    page = new_page()
    page.route(
        served.url(site_page.path),
        lambda route: route.fulfill(content_type="text/html; charset=utf-8", body=undrawn),
    )
    recorder = PageRecorder(page, served.origin)
    page.goto(served.url(site_page.path))
    wait_for_diagrams(page)
    problems = recorder.errors + diagram_problems(page, 1)
    problems += [f"request outside the site: {url}" for url in recorder.external]
    assert mermaid(recorder), f"Mermaid was not loaded: {recorder.requests}"
    assert not problems, "\n".join(problems)


def test_table_check_finds_cells_without_headers(page: Page) -> None:
    """The table check can fail: a comparison table as Markdown makes it (empty
    corner, row labels in `<td>`) is caught, and is fine once the hook has run."""
    table = (
        "<table><thead><tr><th></th><th>Pool</th><th>Executor</th></tr></thead><tbody>"
        "<tr><td>Leaving with</td><td>terminate()</td><td>shutdown()</td></tr>"
        "</tbody></table>"
    )
    page.set_content(f"<article>{table}</article>")
    problems = "\n".join(table_problems(page))
    assert "an empty header cell" in problems and 'no header for "Leaving with"' in problems
    page.set_content(f"<article>{with_row_headers(table)}</article>")
    assert not table_problems(page)


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
