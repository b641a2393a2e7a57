"""Every page loads in Chromium without an error, without leaving the site, and
with its Mermaid diagrams drawn."""

from __future__ import annotations

import pytest
from local_server import origin_of, serve
from page_ready import wait_for_diagrams
from playwright.sync_api import ConsoleMessage, Page, Request, Response, expect
from site_pages import SITE_PAGES, SitePage, pages_where

pytestmark = pytest.mark.xdist_group("site")


class PageRecorder:
    """Every request of a page (its workers' too), and everything that went wrong."""

    def __init__(self, page: Page, origin: str):
        self.origin = origin
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", self._request)
        page.on("response", self._response)
        page.on("requestfailed", self._failed)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))

    def _request(self, request: Request) -> None:
        self.requests.append(request.url)

    def _response(self, response: Response) -> None:
        if response.status >= 400:
            self.errors.append(f"HTTP {response.status}: {response.url}")

    def _failed(self, request: Request) -> None:
        self.errors.append(f"request failed ({request.failure}): {request.url}")

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.location.get("url", "")
            self.errors.append(f"console error: {message.text} ({where})")

    @property
    def external(self) -> list[str]:
        """Requests to any other origin (`data:` URLs are not requests)."""
        return [
            url
            for url in self.requests
            if not url.startswith(self.origin + "/") and not url.startswith("data:")
        ]


def load(page: Page, url: str) -> None:
    """Open `url` and wait until the page has fetched everything it will by itself."""
    page.goto(url)
    # Search is ready once its worker has the index and the language scripts;
    # Material then replaces the "initializing" text of the result meta.
    page.wait_for_function(
        """() => {
            const meta = document.querySelector(".md-search-result__meta");
            const ready = JSON.parse(document.getElementById("__config").textContent)
                .translations["search.result.placeholder"];
            return meta && meta.textContent.trim() === ready;
        }"""
    )
    page.wait_for_load_state("networkidle")


def test_every_built_page_is_tested(served) -> None:
    """The pages these tests visit (from the page catalog) are the pages built."""
    built = {
        p.relative_to(served.site.dir).as_posix().removesuffix("index.html")
        for p in served.site.pages()
    }
    assert built == {page.path for page in SITE_PAGES}


@pytest.mark.parametrize("site_page", pages_where())
def test_page_loads_cleanly(page: Page, served, site_page: SitePage, record_property) -> None:
    recorder = PageRecorder(page, served.origin)
    load(page, served.url(site_page.path))
    wait_for_diagrams(page)
    record_property("requests", len(recorder.requests))
    assert not recorder.external, "requests outside the site:\n" + "\n".join(recorder.external)
    assert not recorder.errors, "\n".join(recorder.errors)
    assert len(recorder.requests) >= 5, recorder.requests  # the page, CSS, scripts, index
    # Each diagram is drawn into a closed shadow root: its size shows on the host.
    hosts = page.locator("div.mermaid")
    expect(hosts).to_have_count(site_page.diagrams)
    sizes = [host.bounding_box() for host in hosts.all()]
    assert all(box and box["width"] > 0 and box["height"] > 0 for box in sizes), sizes


def test_recorder_sees_outside_requests_and_errors(page: Page, tmp_path) -> None:
    """The check above can fail: a page with an external script, a missing
    file, a console error and an uncaught exception is caught on every count."""
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
    for expected in ("missing.css", "console error: boom", "page error: uncaught", "lib.js"):
        assert expected in errors, errors
