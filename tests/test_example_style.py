"""Every example is lint-clean and formatted, as code readers copy should be.

Linting goes through pytest-examples (ruff, with the settings below).  It has
no `ruff format`, so formatting is checked by calling ruff directly.  With
--update-examples both are fixed in place instead.
"""

from __future__ import annotations

import subprocess

import pytest
from pytest_examples import CodeExample
from ruff.__main__ import find_ruff_bin

from verifier.catalog import REPO_ROOT

EXAMPLES = sorted((REPO_ROOT / "examples").rglob("*.py"))
# 79 columns fit a code block on the page without a scroll bar; examples must
# run on every Python from 3.9, so newer syntax is flagged.
LINE_LENGTH = 79
RULES = ["E", "F", "W", "B", "I", "UP"]
TARGET = "py39"


def _ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [find_ruff_bin(), *args, f"--line-length={LINE_LENGTH}", f"--target-version={TARGET}"],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        check=False,
    )


@pytest.mark.parametrize(
    "path", EXAMPLES, ids=[p.relative_to(REPO_ROOT / "examples").as_posix() for p in EXAMPLES]
)
def test_example_is_linted_and_formatted(path, eval_example) -> None:
    if eval_example.update_examples:
        _ruff("check", "--fix", f"--extend-select={','.join(RULES)}", str(path))
        _ruff("format", str(path))
    eval_example.set_config(ruff_line_length=LINE_LENGTH, ruff_select=RULES, target_version=TARGET)
    relative = path.relative_to(REPO_ROOT).as_posix()
    lint_error = None
    try:
        eval_example.lint_ruff(CodeExample.create(path.read_text(encoding="utf-8"), path=path))
    except pytest.fail.Exception as failure:
        lint_error = str(failure)
    if lint_error:
        # ruff reads the code from stdin and calls it "-"; name the file instead.
        pytest.fail(lint_error.replace("--> -:", f"--> {relative}:"), pytrace=False)
    formatted = _ruff("format", "--diff", str(path))
    assert formatted.returncode == 0, f"ruff format would change {path}:\n{formatted.stdout}"
