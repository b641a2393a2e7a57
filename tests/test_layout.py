"""The repository's layout keeps its promises: a page's examples are in the
folder named after it, code imports by package name, and the README's layout
table names every top-level folder."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from verifier.catalog import REPO_ROOT, site_catalog
from verifier.declarations import page_name_of
from verifier.pages import page_name

PAGES = sorted(site_catalog().pages, key=lambda p: p.path)
_NOT_OURS = {".git", ".venv", ".venvs", "node_modules", "site", "test-artifacts"}


@pytest.mark.parametrize("page", PAGES, ids=[p.path.as_posix() for p in PAGES])
def test_a_pages_examples_are_in_the_folder_named_after_it(page) -> None:
    """So that `-k <page>` selects its runs and a newcomer finds its files by name."""
    stray = stray_examples(page)
    folder = f"examples/{page_name(page.path)}/"
    assert not stray, f"{page.path} shows examples outside {folder}: {stray}"


def stray_examples(page) -> list[str]:
    """The files a page shows from outside the folder named after it
    (`verifier.declarations.page_name_of`, the rule the downloads and the kit's report use)."""
    return [e.file for e in page.examples if page_name_of(e.file) != page_name(page.path)]


def test_a_pages_examples_are_in_the_folder_named_after_it_finds() -> None:
    """A page showing another page's program, or one of a folder whose name only
    begins with the page's (`examples/queue-extra/` for `queue.md`), or one of a
    folder inside the page's."""
    assert page_name(Path("docs/zh/queue.md")) == page_name(Path("docs/en/queue.md")) == "queue"
    assert page_name(Path("docs/en/contributing/verification.md")) == "contributing/verification"
    assert page_name_of("examples/queue/put_get.py") == "queue"
    assert page_name_of("examples/contributing/verification/x.py") == "contributing/verification"
    with pytest.raises(ValueError):
        page_name_of("examples/put_get.py")
    queue = next(p for p in PAGES if p.path == Path("docs/en/queue.md"))
    pipe = next(p for p in PAGES if p.path == Path("docs/en/pipe.md"))
    assert stray_examples(queue) == [] and queue.examples
    planted = replace(queue, examples=[*queue.examples, *pipe.examples[:1]])
    assert stray_examples(planted) == [pipe.examples[0].file]
    sibling = replace(queue.examples[0], file="examples/queue-extra/put_get.py")
    assert stray_examples(replace(queue, examples=[sibling])) == [sibling.file]
    inner = replace(queue.examples[0], file="examples/queue/inner/put_get.py")
    assert stray_examples(replace(queue, examples=[inner])) == [inner.file]


def _our_python_files() -> list[Path]:
    found = []
    for path in REPO_ROOT.rglob("*.py"):
        parts = path.relative_to(REPO_ROOT).parts
        if not _NOT_OURS & set(parts) and not parts[0].startswith("."):
            found.append(path)
    return found


def test_no_module_edits_the_import_path() -> None:
    """Every module imports by its package name (dev.py installs the repository
    editable); no module reaches for another by editing the import path."""
    name = "sys" + ".path"  # spelled apart, so that this line is not a finding
    edits = [
        f"{path.relative_to(REPO_ROOT)}:{number}: {line.strip()}"
        for path in _our_python_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if name in line
    ]
    assert not edits, "\n".join(edits)


def test_the_readme_layout_table_names_every_top_level_folder() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Layout") :]
    named = set(re.findall(r"^\| `([^`/]+)/", table, re.MULTILINE))
    folders = {
        p.name
        for p in REPO_ROOT.iterdir()
        if p.is_dir()
        and p.name not in _NOT_OURS
        and not p.name.startswith((".", "_"))
        and not p.name.endswith(".egg-info")
    }
    assert folders <= named, f"not in the README's layout table: {sorted(folders - named)}"


def test_dev_py_needs_only_the_standard_library() -> None:
    """`python3 dev.py` must work on a machine that has only python3, before .venv
    exists: with site-packages off (`-S`), `help` still runs."""
    result = subprocess.run(
        [sys.executable, "-S", str(REPO_ROOT / "dev.py"), "help"],
        capture_output=True, text=True, cwd=REPO_ROOT, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "python3 dev.py test" in result.stdout
