"""What a page fetched and what went wrong while it was open."""

from __future__ import annotations

from playwright.sync_api import ConsoleMessage, Page, Request, Response

SEARCH_READY = """() => {
    const meta = document.querySelector(".md-search-result__meta");
    const ready = JSON.parse(document.getElementById("__config").textContent)
        .translations["search.result.placeholder"];
    return meta !== null && meta.textContent.trim() === ready;
}"""
"""Material's search is ready once its worker has the index and the language
scripts; it then replaces the "initializing" text above the results."""


class PageRecorder:
    """Every request of a page (its workers' too), and every error: console
    errors, uncaught exceptions, failed requests, HTTP error statuses."""

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


def wait_until_settled(page: Page) -> None:
    """Until the page has fetched everything it fetches by itself.  (The search
    index and the search worker's scripts come only once the reader goes for
    the search box: test_search.py.)"""
    page.wait_for_load_state("networkidle")
