"""What a page fetched and what went wrong while it was open, and waiting for
what Material does after a page has loaded."""

from __future__ import annotations

from playwright.sync_api import ConsoleMessage, Page, Request, Response, expect


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


# One block after the other, each given two frames in view: enough for the
# IntersectionObserver that Material waits on to see it.
_SCROLL_TO_EACH = """async (selector) => {
    const frame = () => new Promise(requestAnimationFrame);
    for (const element of document.querySelectorAll(selector)) {
        if (!element.checkVisibility()) continue;  // in a closed tab, say
        element.scrollIntoView({block: "center"});
        await frame();
        await frame();
    }
    window.scrollTo(0, 0);
}"""


def wait_for_diagrams(page: Page) -> None:
    """Material replaces each `pre.mermaid` with the drawn diagram, asynchronously,
    and overrides/main.html loads Mermaid once a diagram nears the viewport:
    each diagram is scrolled to in turn until all are drawn."""
    pending = page.locator("pre.mermaid")
    left = pending.count()
    while left:
        page.evaluate(
            "() => document.querySelector('pre.mermaid')?.scrollIntoView({block: 'center'})"
        )
        expect(pending).not_to_have_count(left)
        left = pending.count()
    page.evaluate("() => window.scrollTo(0, 0)")


def mount_code_blocks(page: Page) -> None:
    """Material gives a code block its copy button and annotation markers when the
    block first enters the viewport (feature `content.lazy`, see mkdocs.yml):
    every visible block is scrolled into view, then is waited for.  Material
    gives each block it has set up an id (`__code_N`)."""
    page.evaluate(_SCROLL_TO_EACH, "pre:not(.mermaid) > code")
    expect(page.locator("pre:not(.mermaid):not([id]):visible > code")).to_have_count(0)


def diagram_problems(page: Page, expected: int) -> list[str]:
    """Whether the page shows its `expected` diagrams, each with a size."""
    # The drawing is in a closed shadow root: its size shows on the host.
    hosts = page.locator("div.mermaid").all()
    if len(hosts) != expected:
        return [f"diagrams: {len(hosts)} drawn, the page has {expected}"]
    sizes = [host.bounding_box() for host in hosts]
    empty = [box for box in sizes if not (box and box["width"] > 0 and box["height"] > 0)]
    return [f"diagrams: drawn with no size: {empty}"] if empty else []
