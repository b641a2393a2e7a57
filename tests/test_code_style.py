"""The project's own code (verifier, hooks, benchmarks, devtools, tests, dev.py) is
lint-clean and formatted.

Settings are in pyproject.toml; the examples have their own, stricter check in
test_example_style.py.
"""

from __future__ import annotations

import subprocess

import pytest
from ruff.__main__ import find_ruff_bin

from verifier.catalog import REPO_ROOT


@pytest.mark.parametrize("command", [["check"], ["format", "--check", "--diff"]], ids=str)
def test_ruff(command: list[str]) -> None:
    result = subprocess.run(
        [find_ruff_bin(), *command, "."], cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
