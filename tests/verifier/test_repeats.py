"""Which runs are repeated (`verifier.repeats`): every cell whose inputs changed,
three times; one slice of the others twice, a different slice for each commit, so
that any five consecutive commits repeat every cell at least once."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from verifier.pages import read_page
from verifier.repeats import (
    CHANGED,
    SLICED,
    WINDOW,
    Recent,
    claim_key,
    recent,
    slice_of,
    times,
)

FIXTURE_SITE = Path(__file__).parent / "fixture_site"
CELLS = [f"page/example_{n}.py-{m}-py3.{v}.1" for n in range(60) for m in "ab" for v in (9, 14)]


def test_five_consecutive_commits_repeat_every_cell() -> None:
    for first in range(1, 20):
        repeated = {
            cell
            for position in range(first, first + WINDOW)
            for cell in CELLS
            if times(cell, [], False, Recent(frozenset(), "x", position)) == SLICED
        }
        assert repeated == set(CELLS), first


def test_a_slice_is_a_fifth_or_so_and_changes_with_the_commit() -> None:
    sizes = [sum(slice_of(cell) == n for cell in CELLS) for n in range(WINDOW)]
    assert all(len(CELLS) / WINDOW / 2 < size < len(CELLS) / WINDOW * 2 for size in sizes), sizes
    one = {c for c in CELLS if times(c, [], False, Recent(frozenset(), "x", 7)) == SLICED}
    two = {c for c in CELLS if times(c, [], False, Recent(frozenset(), "x", 8)) == SLICED}
    assert one and two and not one & two


def test_changed_inputs_and_new_interpreters_are_repeated_three_times() -> None:
    changes = Recent(frozenset({"docs/en/queue.md", "verifier/_startup/sitecustomize.py"}), "x", 3)
    cell = CELLS[0]
    plain = times(cell, ["examples/page/example_0.py"], False, Recent(frozenset(), "x", 3))
    assert plain in (1, SLICED)
    assert (
        times(cell, ["examples/page/example_0.py", "docs/en/queue.md"], False, changes) == CHANGED
    )
    # A module that makes every run (a folder of RUN_INPUTS) changed: every cell.
    assert times(cell, ["examples/other.py"], False, changes) == CHANGED
    quiet = Recent(frozenset({"docs/en/pipe.md"}), "x", 3)
    assert times(cell, ["examples/page/example_0.py"], True, quiet) == CHANGED
    assert times(cell, ["examples/page/example_0.py"], False, quiet) == plain


def test_recent_reads_the_last_commits_and_the_working_tree(tmp_path: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "t@example.org")
    git("config", "user.name", "t")
    for n in range(WINDOW + 2):
        (tmp_path / f"f{n}.txt").write_text("x")
        git("add", ".")
        git("commit", "-qm", f"c{n}")
    (tmp_path / "f0.txt").write_text("changed, not committed")
    found = recent(tmp_path)
    assert found.position == WINDOW + 2
    # The last WINDOW commits added f2..f6; f0 is changed in the working tree.
    assert found.paths == {f"f{n}.txt" for n in range(2, WINDOW + 2)} | {"f0.txt"}


def test_a_lock_change_counts_only_if_it_changes_the_examples_pins(tmp_path: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    lock = tmp_path / "requirements.lock"
    pins = "numpy==2.0.2 \\\n    # via mp-data-exchange-docs (pyproject.toml)\n"
    tool = "mkdocs==1.6.0 \\\n    # via mp-data-exchange-docs (pyproject.toml)\n"
    git("init", "-q")
    git("config", "user.email", "t@example.org")
    git("config", "user.name", "t")
    for n in range(WINDOW + 1):
        lock.write_text(pins + tool)
        (tmp_path / f"f{n}.txt").write_text("x")
        git("add", ".")
        git("commit", "-qm", f"c{n}")
    lock.write_text(pins + tool.replace("1.6.0", "1.6.1"))
    assert "requirements.lock" not in recent(tmp_path).paths
    lock.write_text(pins.replace("2.0.2", "2.0.3") + tool)
    assert "requirements.lock" in recent(tmp_path).paths


PAGE = """# A page

Some prose.

```python
--8<-- "examples/page/hello.py"
```

``` { .output data-methods="fork spawn" }
hello
```
"""


def test_a_page_repeats_an_example_only_when_it_claims_something_new(tmp_path: Path) -> None:
    """Prose added around an example moves it down the page, and claims nothing
    new: its runs are not repeated.  A changed output block, or a start method
    added to it, is a new claim: they are."""

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    shutil.copy(FIXTURE_SITE / "mkdocs.yml", tmp_path)  # the pages' include settings
    (tmp_path / "examples" / "page").mkdir(parents=True)
    (tmp_path / "examples" / "page" / "hello.py").write_text('print("hello")\n')
    page = tmp_path / "docs" / "en" / "page.md"
    page.parent.mkdir(parents=True)
    git("init", "-q")
    git("config", "user.email", "t@example.org")
    git("config", "user.name", "t")
    for n in range(WINDOW + 1):
        page.write_text(PAGE)
        (tmp_path / f"f{n}.txt").write_text("x")
        git("add", ".")
        git("commit", "-qm", f"c{n}")
    cell = "page/hello.py-fork-py3.9.1"

    def made(text: str) -> int:
        page.write_text(text)
        changes = recent(tmp_path)
        (shown,) = read_page(page, tmp_path).examples
        claims = [("docs/en/page.md", claim_key(shown))]
        return times(cell, ["examples/page/hello.py"], False, changes, claims)

    plain = made(PAGE)
    assert plain in (1, SLICED)
    assert made(PAGE.replace("Some prose.", "Some prose.\n\nA new paragraph.\n")) == plain
    assert made(PAGE.replace("hello\n```", "hello, world\n```")) == CHANGED
    assert made(PAGE.replace("fork spawn", "fork spawn forkserver")) == CHANGED
    # Committed (another commit, another slice), the prose change is still no
    # claim; a page that is new is.
    page.write_text(PAGE.replace("Some prose.", "Other prose."))
    git("commit", "-qam", "prose")
    assert made(PAGE.replace("Some prose.", "Other prose.")) in (1, SLICED)
    moved = tmp_path / "docs" / "zh" / "page.md"
    moved.parent.mkdir()
    moved.write_text(PAGE)
    git("add", "docs/zh/page.md")
    changes = recent(tmp_path)
    (shown,) = read_page(moved, tmp_path).examples
    claims = [("docs/zh/page.md", claim_key(shown))]
    assert times(cell, ["examples/page/hello.py"], False, changes, claims) == CHANGED
