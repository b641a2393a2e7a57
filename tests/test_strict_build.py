"""The strict build test goes red on a warning, such as a broken link."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from hooks.build_env import build_env
from verifier.catalog import REPO_ROOT


def test_a_broken_link_fails_the_strict_build(tmp_path: Path) -> None:
    # What the build reads: the pages, the examples they include, the hooks,
    # the theme's overrides and the lock (the check kit's requirements.txt).
    # The packages the hooks import (verifier, benchmarks with its results)
    # come from the installed repository.
    skip = shutil.ignore_patterns("__pycache__")
    for name in ("docs", "examples", "hooks", "overrides"):
        shutil.copytree(REPO_ROOT / name, tmp_path / name, ignore=skip)
    for name in ("mkdocs.yml", "requirements.lock"):
        shutil.copy(REPO_ROOT / name, tmp_path)
    page = tmp_path / "docs" / "en" / "glossary.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[gone](no-such-page.md)\n")
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "s")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env=build_env(),
    )
    assert build.returncode == 1
    assert "WARNING" in build.stderr and "no-such-page.md" in build.stderr
