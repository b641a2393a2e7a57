"""Debian's Chromium for Playwright: where it is, how it starts, what it left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def require_chromium(path: Path = CHROMIUM, env: dict | None = None) -> None:
    """Skip when Chromium is missing, or fail if this run must use it (CI sets
    VERIFIER_REQUIRE_BROWSER=1)."""
    if path.exists():
        return
    message = f"chromium not found at {path} (apt-get install chromium)"
    if (os.environ if env is None else env).get("VERIFIER_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{message}; VERIFIER_REQUIRE_BROWSER=1 requires it", pytrace=False)
    pytest.skip(message)


def processes_with(marker: str) -> list[str]:
    """`pid: command line` of every running process whose command line holds `marker`."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            cmdline = (proc / "cmdline").read_bytes() if proc.name.isdigit() else b""
        except OSError:
            continue  # ended meanwhile
        if marker.encode() in cmdline:
            command = cmdline.replace(b"\0", b" ").decode(errors="replace")
            found.append(f"{proc.name}: {command[:200]}")
    return found
