"""Asking git about the repository a site is built from: the commit the check
kit names (`verifier.kit`), and what changed lately (`verifier.repeats`)."""

from __future__ import annotations

import subprocess
from pathlib import Path


def git(root: Path, *args: str) -> str:
    """What `git ARGS` prints in `root`, or "" where git is missing or fails
    (a folder that is no clone, such as an unpacked source archive)."""
    try:
        return subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, check=True, timeout=60
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
