"""The examples ran on every release line the pages claim (see verifier.interpreters)."""

from __future__ import annotations

import os

import pytest

from verifier.interpreters import CURRENT, SUPPORTED, counts_for_line, python_version, unverified
from verifier.pytest_plugin import example_pythons


def test_every_supported_python_ran(pytestconfig: pytest.Config) -> None:
    """Every release line the pages claim has an interpreter in this run (3.13 and
    3.14 only with a release new enough, see `CURRENT`).  Missing lines fail where
    VERIFIER_REQUIRE_PYTHONS=1 (CI sets it), and are skipped, by name, elsewhere."""
    missing = unverified([python_version(p) for p in example_pythons(pytestconfig)])
    if not missing:
        return
    message = (
        f"not verified on Python {', '.join(missing)} (the pages claim {SUPPORTED[0]} to "
        f"{SUPPORTED[-1]}); `python3 dev.py test` prepares them where it can"
    )
    if os.environ.get("VERIFIER_REQUIRE_PYTHONS") == "1":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def test_a_line_counts_only_from_its_current_release() -> None:
    assert unverified([f"{line}.0" for line in SUPPORTED]) == [
        f"{line} ({release} or newer)" for line, release in CURRENT.items()
    ]
    assert not counts_for_line("3.13.7") and counts_for_line("3.13.8")
    assert unverified(["3.9.18", "3.15.2"]) == [
        "3.10", "3.11", "3.12", "3.13 (3.13.8 or newer)", "3.14 (3.14.1 or newer)"
    ]  # fmt: skip
