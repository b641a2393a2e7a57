"""Debian's Chromium, as Playwright and Lighthouse start it here.

Playwright's own browser download is not used: the browser tests,
devtools.draw_diagrams and devtools.site_speed all run this one.
"""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
"""Where Debian's `chromium` package installs it."""
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
