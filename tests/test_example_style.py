"""Every example is lint-clean and formatted, as code readers copy should be.

ruff checks the examples with the settings in `examples/ruff.toml`, the same
ones an editor or a bare `ruff check examples` applies: once per test run (two
ruff processes, not two per file), and each file's test reports that file's
findings.  With --update-examples (`dev.py update`) both are fixed in place instead.
"""

from __future__ import annotations

import json
import re
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


@pytest.fixture(scope="session")
def findings(pytestconfig: pytest.Config) -> dict[str, list[str]]:
    """Per example file (relative path), what ruff finds: lint findings and the
    diff its formatter would apply.  Fixed in place first with --update-examples."""
    if pytestconfig.getoption("update_examples"):
        _ruff("check", "--fix", "examples")
        _ruff("format", "examples")
    # Name the settings file, so that a misplaced or missing one fails here.
    lint = _ruff("check", "--config", str(SETTINGS), "--output-format=json", "examples")
    found: dict[str, list[str]] = {}
    for item in json.loads(lint.stdout or "[]"):
        where = Path(item["filename"]).resolve().relative_to(REPO_ROOT).as_posix()
        row, column = item["location"]["row"], item["location"]["column"]
        found.setdefault(where, []).append(
            f"{where}:{row}:{column}: {item['code']} {item['message']}"
        )
    assert lint.returncode in (0, 1) and lint.stdout, f"ruff check failed:\n{lint.stderr}"
    formatted = _ruff("format", "--config", str(SETTINGS), "--diff", "examples")
    for part in re.split(r"(?m)^(?=--- )", formatted.stdout):
        header = re.match(r"--- (\S+)", part)
        if header:
            where = Path(header[1]).as_posix()
            found.setdefault(where, []).append(f"ruff format would change {where}:\n{part}")
    return found


@pytest.mark.xdist_group("example-style")
@pytest.mark.parametrize(
    "path", EXAMPLES, ids=[p.relative_to(REPO_ROOT / "examples").as_posix() for p in EXAMPLES]
)
def test_example_is_linted_and_formatted(path: Path, findings: dict[str, list[str]]) -> None:
    relative = path.relative_to(REPO_ROOT).as_posix()
    assert relative not in findings, "\n".join(findings[relative])


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
