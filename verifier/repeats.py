"""How many times each run is made in one test run: more where a flake is likely.

A *cell* is one run on one interpreter (example x start method x stdout kind x
Python).  With `--repeat-where-likely` the pytest plugin makes:

* every cell whose inputs changed in the last `WINDOW` commits (or are changed
  in the working tree) `CHANGED` times.  A cell's inputs are its program and
  the files it runs with, what the pages that show it claim of it (its code
  block and output blocks, wherever on the page they stand: `claim_key`), the
  modules that make a run (`RUN_INPUTS`), the lock, and its interpreter: an
  interpreter whose version the durations file has not seen counts as changed.
  A page whose prose changed around an example claims the same of it: that
  example's runs are not repeated for it;
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

from verifier.declarations import Fence, ShownExample
from verifier.git import git
from verifier.pages import parse_page
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
    claims_before: frozenset[tuple[str, tuple]] = frozenset()
    """`(page, claim_key)` of every example on each page in `paths`, as the page
    was `WINDOW` commits ago (none for a page that did not exist then)."""

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

    def claims_changed(self, claims: Iterable[tuple[str, tuple]]) -> bool:
        """Whether a page changed what it claims: any `(page, claim_key)` of
        `claims` on a page in `paths` that the page did not claim before."""
        return any(
            page in self.paths and (page, key) not in self.claims_before for page, key in claims
        )


def claim_key(shown: ShownExample) -> tuple:
    """What a page claims of an example: its code block and its output blocks,
    their settings and text, not where on the page they stand (prose added
    above an example moves it, and claims nothing new)."""

    def block(fence: Fence) -> tuple:
        return (fence.language, fence.classes, tuple(sorted(fence.attrs.items())), fence.body)

    return (shown.file, block(shown.fence), tuple(block(o.fence) for o in shown.outputs))


def _claims_at(root: Path, commit: str, pages: Iterable[str]) -> set[tuple[str, tuple]]:
    """`(page, claim_key)` of every example on each of `pages` at `commit`, read
    by today's parser (a block it finds wrong is no example of the page).  A page
    that did not exist claims nothing: its examples count as changed."""
    found = set()
    for page in pages:
        text = git(root, "show", f"{commit}:{page}")
        if not text:
            continue
        parsed = parse_page(text, Path(page), root)
        found |= {(page, claim_key(shown)) for shown in parsed.examples}
    return found


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
    pages = [p for p in changed if p.startswith("docs/") and p.endswith(".md")]
    before = _claims_at(root, base, pages) if position > WINDOW else set()
    return Recent(frozenset(changed), commit, position, frozenset(before))


def slice_of(cell: str) -> int:
    """The slice a cell belongs to: fixed by its id, the same on every machine."""
    return int(hashlib.sha256(cell.encode()).hexdigest(), 16) % WINDOW


def times(
    cell: str,
    inputs: Iterable[str],
    new_interpreter: bool,
    changes: Recent,
    claims: Iterable[tuple[str, tuple]] = (),
) -> int:
    """How many times to make `cell`, whose input files are `inputs` and whose
    pages claim `claims` of it (`(page, claim_key)`)."""
    if new_interpreter or changes.touches(inputs) or changes.claims_changed(claims):
        return CHANGED
    return SLICED if slice_of(cell) == changes.slice else 1
