"""The strict build test goes red on a warning, such as a broken link."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from verifier.catalog import REPO_ROOT


def test_a_broken_link_fails_the_strict_build(tmp_path: Path) -> None:
    # What the build reads: the pages, the examples they include, the hooks and
    # what they import (benchmarks/ for the performance page's charts).
    skip = shutil.ignore_patterns("node_modules", "__pycache__")
    for name in ("docs", "examples", "hooks", "overrides", "verifier", "benchmarks"):
        shutil.copytree(REPO_ROOT / name, tmp_path / name, ignore=skip)
    shutil.copy(REPO_ROOT / "mkdocs.yml", tmp_path)
    page = tmp_path / "docs" / "en" / "glossary.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[gone](no-such-page.md)\n")
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "s")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert build.returncode == 1
    assert "WARNING" in build.stderr and "no-such-page.md" in build.stderr
