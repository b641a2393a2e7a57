"""Fixtures of the browser tests: the built site on a local server, one Chromium.

The site is served below a sub-path (`/sub/path/`), as on GitHub Pages, so
that a link or script that assumes the domain root fails here.  Chromium is
Debian's headless shell (`/usr/bin/chromium-headless-shell`, see
devtools/chromium.py); Playwright's own download is not used.  One
browser per session; every test gets fresh contexts, which refuse any request
that leaves 127.0.0.1, so that no test depends on the network.

Every test module here is an xdist group of its own (`site-browser-<module>`):
one worker runs a module's tests, with one build of the site and one browser
per worker, and the modules spread over the workers.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from devtools.built_site import Site
from devtools.chromium import HEADLESS_SHELL, LAUNCH_ARGS
from devtools.local_server import origin_of, serve
from tests.browser.helpers.chromium import require_chromium
from verifier.processes import processes_with

# Generous: a 2-core CI machine runs other tests at the same time.
TIMEOUT_MS = 20_000
expect.set_options(timeout=TIMEOUT_MS)


class ServedSite:
    def __init__(self, base_url: str, site: Site):
        self.base_url, self.site = base_url, site
        self.origin = origin_of(base_url)

    def url(self, path: str = "") -> str:
        """URL of `path` relative to the site root, e.g. `en/queue/`."""
        return self.base_url + path


@pytest.fixture(scope="session")
def served(site: Site) -> Iterator[ServedSite]:
    assert site.returncode == 0, f"the site does not build:\n{site.log}"
    with serve(site.dir) as base_url:
        yield ServedSite(base_url, site)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    require_chromium()
    # Chromium ignores switches it does not know; this one finds the session's
    # browser processes afterwards, to prove that none is left running.
    marker = f"--verifier-browser-session={secrets.token_hex(6)}"
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=str(HEADLESS_SHELL), args=[*LAUNCH_ARGS, marker], timeout=60_000
        )
        yield chromium
        chromium.close()
    finally:
        playwright.stop()
    if Path("/proc").is_dir():
        deadline = time.monotonic() + 10
        while (left := processes_with(marker)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not left, "browser processes left running:\n" + "\n".join(left)


@pytest.fixture
def new_page(browser: Browser) -> Iterator:
    """Factory: a page in a fresh context (`**options` as for Browser.new_context)
    that refuses every request whose URL does not start with `allowed`."""
    contexts = []

    def make(allowed: str = "http://127.0.0.1:", **options) -> Page:
        # Material drops its transitions for readers who ask for less motion:
        # no click then waits for a menu or panel to finish sliding.
        context = browser.new_context(**{"reduced_motion": "reduce", **options})
        contexts.append(context)
        context.set_default_timeout(TIMEOUT_MS)
        # A page's "request" event still records the request; then it is refused.
        context.route(lambda url: not url.startswith(allowed), lambda r: r.abort())
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page) -> Page:
    return new_page()
