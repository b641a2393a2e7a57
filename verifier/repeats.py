"""How many times each run is made in one test run: more where a flake is likely.

A *cell* is one run on one interpreter (example x start method x stdout kind x
Python).  With `--repeat-where-likely` the pytest plugin makes:

* every cell whose inputs changed in the last `WINDOW` commits (or are changed
  in the working tree) `CHANGED` times.  A cell's inputs are its program and
  the files it runs with, the pages that show it, the modules that make a run
  (`RUN_INPUTS`), the lock, and its interpreter: an interpreter whose version
  the durations file has not seen counts as changed;
* one slice of the other cells twice: slice `n % WINDOW` of `WINDOW`, where `n`
  is the number of commits up to HEAD, and a cell's slice is fixed by a hash of
  its id.  So over any `WINDOW` consecutive commits every cell is repeated at
  least once, and a failure reproduces with `--repeat-slice n/WINDOW`;
* every other cell once.

`dev.py flakes N` stays the way to hunt flakes everywhere.  Standard library only.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from verifier.git import git
from verifier.requirements import examples_requirements

LOCK = "requirements.lock"

WINDOW = 5
"""Commits that count as recent; also the number of slices."""
CHANGED = 3
"""Times a cell whose inputs changed recently is made."""
SLICED = 2
"""Times a cell of this commit's slice is made."""
RUN_INPUTS = (
    "verifier/runner.py",
    "verifier/processes.py",
    "verifier/shm.py",
    "verifier/container.py",
    "verifier/_startup/",
    "requirements.lock",
)
"""The files whose change can change how any run behaves: what starts a program,
captures its output and looks for what it leaves behind; and the pins of the
examples' packages (a change of the lock counts only if it changes those pins,
`verifier.requirements.examples_requirements`: a new pytest changes no run)."""


@dataclass(frozen=True)
class Recent:
    """What changed lately, as git tells it."""

    paths: frozenset[str]
    """Files changed in the last `WINDOW` commits or in the working tree."""
    commit: str
    """HEAD, abbreviated (`unknown` outside git)."""
    position: int
    """Commits up to and including HEAD (0 outside git)."""

    @property
    def slice(self) -> int:
        return self.position % WINDOW

    def touches(self, inputs: Iterable[str]) -> bool:
        """Whether any of `inputs` (paths, or folders ending in `/`) changed."""
        for item in (*inputs, *RUN_INPUTS):
            if item.endswith("/"):
                if any(path.startswith(item) for path in self.paths):
                    return True
            elif item in self.paths:
                return True
        return False


def recent(root: Path) -> Recent:
    """What changed in the last `WINDOW` commits of the repository at `root`."""

    commit = git(root, "rev-parse", "--short=12", "HEAD").strip() or "unknown"
    position = int(git(root, "rev-list", "--count", "HEAD").strip() or 0)
    base = (
        f"HEAD~{WINDOW}"
        if position > WINDOW
        else git(root, "hash-object", "-t", "tree", "/dev/null")
    )
    base = base.strip()
    changed = set(
        (
            git(root, "diff", "--name-only", base, "HEAD")
            + git(root, "diff", "--name-only", "HEAD")
        ).split()
    )
    if LOCK in changed:
        before = git(root, "show", f"{base}:{LOCK}") if position > WINDOW else ""
        now = (root / LOCK).read_text() if (root / LOCK).exists() else ""
        if examples_requirements(before) == examples_requirements(now):
            changed.discard(LOCK)
    return Recent(frozenset(changed), commit, position)


def slice_of(cell: str) -> int:
    """The slice a cell belongs to: fixed by its id, the same on every machine."""
    return int(hashlib.sha256(cell.encode()).hexdigest(), 16) % WINDOW


def times(cell: str, inputs: Iterable[str], new_interpreter: bool, changes: Recent) -> int:
    """How many times to make `cell`, whose input files are `inputs`."""
    if new_interpreter or changes.touches(inputs):
        return CHANGED
    return SLICED if slice_of(cell) == changes.slice else 1
