"""Debian's Chromium, as Playwright and Lighthouse start it here.

Playwright's own browser download is not used: the browser tests,
devtools.draw_diagrams and devtools.site_speed all run this one.
"""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
"""Where Debian's `chromium` package installs it (Lighthouse and draw_diagrams run it)."""
HEADLESS_SHELL = Path("/usr/bin/chromium-headless-shell")
"""Debian's `chromium-headless-shell`: the same Chromium release (Blink and V8 from the
same source) built without the browser's window and profile layer, which is what
Playwright itself runs for headless tests.  The browser tests run it: here it loads a
page with about half the CPU time of the whole browser, and a page's whole visit of
test_every_page.py with 10-30 % less (measured on the pools, queue and home pages)."""
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""The flags of every launch here: the browser tests', draw_diagrams' and Lighthouse's."""
