"""What the verifier's own tests share: the fixture site, and ways to run it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from verifier.catalog import REPO_ROOT
from verifier.declarations import Example
from verifier.interpreters import python_version, version_key
from verifier.pages import Page, read_page
from verifier.pytest_plugin import example_pythons

FIXTURE = Path(__file__).parent / "fixture_site"
"""A small site: pages under `docs/zh/` that are right or wrong in one way each,
and the example programs they show under `examples/`."""


def page(name: str) -> Page:
    """The fixture page `docs/zh/<name>.md`, read as the suite reads pages."""
    return read_page(FIXTURE / "docs" / "zh" / f"{name}.md", FIXTURE)


def example_on(name: str, index: int = 0) -> Example:
    """The `index`-th example of fixture page `name`, as that page shows it."""
    return Example.of(page(name).examples[index])


def code(name: str) -> str:
    """The text of fixture example `examples/<name>`."""
    return (FIXTURE / "examples" / name).read_text(encoding="utf-8")


def only_failure(verdict) -> str:
    """The one failure report of `verdict` (the test fails if there are more)."""
    assert len(verdict.failures) == 1, verdict.failures
    return verdict.failures[0]


def across(config: pytest.Config, boundary: tuple[int, int]) -> list[str]:
    """The interpreter running the tests and, of those given with --example-python,
    the first on the other side of `boundary` (a release line), if there is one."""

    def newer(python: str) -> bool:
        return version_key(python_version(python))[:2] >= boundary

    found = [sys.executable]
    other = [p for p in example_pythons(config) if newer(p) != newer(sys.executable)]
    return found + other[:1]


def make_site(tmp_path: Path, *pages: str, edit: dict[str, tuple[str, str]] | None = None) -> Path:
    """A copy of the fixture site with only `pages`, each edited by `edit[name]`
    (old text, new text)."""
    site = tmp_path / "site"
    (site / "docs" / "zh").mkdir(parents=True)
    shutil.copy(FIXTURE / "mkdocs.yml", site)
    shutil.copytree(FIXTURE / "examples", site / "examples")
    for name in pages:
        text = (FIXTURE / "docs" / "zh" / f"{name}.md").read_text(encoding="utf-8")
        old, new = (edit or {}).get(name, ("", ""))
        (site / "docs" / "zh" / f"{name}.md").write_text(text.replace(old, new), encoding="utf-8")
    return site


def run_suite(site: Path, *args: str) -> subprocess.CompletedProcess:
    """The real example suite (tests/test_examples.py) on `site`, in a subprocess,
    as `dev.py test` runs it."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/test_examples.py",
            "-p",
            "no:xdist",
            "-p",
            "no:cacheprovider",
            "-q",
            f"--site-root={site}",
            *args,
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
