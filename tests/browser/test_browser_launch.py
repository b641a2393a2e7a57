"""Without Chromium the browser tests are skipped, except where a run requires them."""

from __future__ import annotations

import pytest

from tests.browser.helpers.chromium import require_chromium

pytestmark = pytest.mark.xdist_group("site-browser-browser_launch")


def test_missing_chromium_skips(tmp_path) -> None:
    missing = tmp_path / "chromium"
    with pytest.raises(
        pytest.skip.Exception, match=r"\(apt-get install chromium-headless-shell\)$"
    ):
        require_chromium(missing, env={})


def test_missing_chromium_fails_when_required(tmp_path) -> None:
    with pytest.raises(pytest.fail.Exception, match="VERIFIER_REQUIRE_BROWSER=1"):
        require_chromium(tmp_path / "chromium", env={"VERIFIER_REQUIRE_BROWSER": "1"})
