"""Without Chromium's headless shell the browser tests are skipped, unless the run requires them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from devtools.chromium import HEADLESS_SHELL


def require_chromium(path: Path = HEADLESS_SHELL, env: dict | None = None) -> None:
    """Skip when Chromium's headless shell is missing, or fail if this run must use
    it (CI sets VERIFIER_REQUIRE_BROWSER=1)."""
    if path.exists():
        return
    message = f"chromium not found at {path} (apt-get install chromium-headless-shell)"
    if (os.environ if env is None else env).get("VERIFIER_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{message}; VERIFIER_REQUIRE_BROWSER=1 requires it", pytrace=False)
    pytest.skip(message)
