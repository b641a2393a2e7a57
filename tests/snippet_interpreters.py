"""The interpreters the snippets run on (--snippet-python, comma-separated)."""

from __future__ import annotations

import os

import pytest


def snippet_pythons(config: pytest.Config) -> list[str]:
    """The interpreters given with --snippet-python, in order; paths made absolute,
    since each snippet runs in its own temporary directory."""
    given = [p for p in config.getoption("snippet_python").split(",") if p]
    return [os.path.abspath(p) if os.sep in p or "/" in p else p for p in given]
