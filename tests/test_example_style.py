"""Every example is lint-clean and formatted, as code readers copy should be.

ruff checks each file with the settings in `examples/ruff.toml`, the same ones
an editor or a bare `ruff check examples` applies.  With --update-examples
(`dev.py update`) both are fixed in place instead.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from ruff.__main__ import find_ruff_bin

from verifier.catalog import REPO_ROOT

EXAMPLES = sorted((REPO_ROOT / "examples").rglob("*.py"))
SETTINGS = REPO_ROOT / "examples" / "ruff.toml"


def _ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [find_ruff_bin(), *args],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        check=False,
    )


@pytest.mark.parametrize(
    "path", EXAMPLES, ids=[p.relative_to(REPO_ROOT / "examples").as_posix() for p in EXAMPLES]
)
def test_example_is_linted_and_formatted(path: Path, pytestconfig: pytest.Config) -> None:
    relative = path.relative_to(REPO_ROOT).as_posix()
    if pytestconfig.getoption("update_examples"):
        _ruff("check", "--fix", relative)
        _ruff("format", relative)
    # Name the settings file, so that a misplaced or missing one fails here.
    lint = _ruff("check", "--config", str(SETTINGS), "--output-format=full", relative)
    assert lint.returncode == 0, f"ruff check {relative}:\n{lint.stdout}{lint.stderr}"
    formatted = _ruff("format", "--config", str(SETTINGS), "--diff", relative)
    assert formatted.returncode == 0, f"ruff format would change {relative}:\n{formatted.stdout}"


def test_ruff_applies_the_examples_settings_to_the_examples() -> None:
    """Without --config, ruff finds examples/ruff.toml for a file there (as an
    editor does), and the project's settings elsewhere: a line of 90 columns
    fails in examples/ only."""
    line = "x = " + repr("a" * 84) + "\n"
    found = subprocess.run(
        [find_ruff_bin(), "check", "--select=E501", "--stdin-filename", "examples/x/long.py", "-"],
        input=line, capture_output=True, text=True, cwd=REPO_ROOT, check=False,
    )  # fmt: skip
    assert found.returncode == 1 and "E501" in found.stdout, found.stdout
    project = subprocess.run(
        [find_ruff_bin(), "check", "--select=E501", "--stdin-filename", "verifier/long.py", "-"],
        input=line, capture_output=True, text=True, cwd=REPO_ROOT, check=False,
    )  # fmt: skip
    assert project.returncode == 0, project.stdout
