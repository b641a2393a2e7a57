"""Which shown output blocks hold for a run: the one place that decides it.

A page declares, on each output block, the start methods, Python versions,
platforms and stdout kind its text is true for (see `verifier.pages`, which reads them into `verifier.declarations`).  For a
run of one example under one start method, on one interpreter, with stdout
going to a terminal or a file, this module answers:

* which blocks of a page claim that run (`holds`, `expected`);
* which pages claim anything for it at all (`claiming`), from which
  `verifier.plan` decides whether a run is made here;
* the oldest Python a page claims an output on (`oldest_python`), which the
  verified marks above the examples show;
* whether a page's blocks leave exactly one stdout claim for every run they
  cover (`coverage_problems`), checked when the page is read.

The check of a run (`verifier.verdict`), the update mode (`verifier.update`), the plan
of runs (`verifier.plan`) and the marks (`hooks/verified_marks.py`) all ask here.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass

from packaging.specifiers import SpecifierSet

from verifier.declarations import (
    PLATFORMS,
    Example,
    OutputBlock,
    ShownExample,
    claimed_kinds,
    claimed_methods,
)
from verifier.interpreters import SUPPORTED, version_key


@dataclass(frozen=True)
class Expected:
    """What one run under one start method must produce, on one page."""

    stdout: OutputBlock
    stderr: OutputBlock | None
    """The stderr claim; `None` means stderr must be empty."""

    @property
    def exit_code(self) -> int:
        return self.stdout.exit_code


def holds(block: OutputBlock, method: str, version: str, kind: str = "terminal") -> bool:
    """Whether `block` is a claim for a run under `method` on Python `version`
    with stdout going to `kind` (stderr blocks hold for both kinds)."""
    return (
        method in block.methods
        and any(SpecifierSet(part).contains(version) for part in block.python.split("||"))
        and (block.stream == "stderr" or block.stdout_kind == kind)
    )


def expected(shown: ShownExample, method: str, version: str, kind: str = "terminal") -> Expected:
    """The claims one page makes for a run under `method` on Python `version`, with
    stdout going to `kind`.  Pages are checked when read (`coverage_problems`), so
    a run a page claims has exactly one stdout block."""
    claims = [b for b in shown.outputs if holds(b, method, version, kind)]
    stdout = [b for b in claims if b.stream == "stdout"]
    stderr = [b for b in claims if b.stream == "stderr"]
    if len(stdout) != 1 or len(stderr) > 1:
        raise ValueError(
            f"{shown.fence.where}: {len(stdout)} output and {len(stderr)} stderr "
            f"blocks claim the {method} run on Python {version}"
        )
    return Expected(stdout[0], stderr[0] if stderr else None)


def shown_on(shown: ShownExample, platform: str = sys.platform) -> bool:
    """Whether the page claims this example's output on `sys.platform` value `platform`."""
    return not shown.platforms or any(PLATFORMS[p] == platform for p in shown.platforms)


def claiming(
    example: Example, method: str, version: str, kind: str = "terminal"
) -> list[ShownExample]:
    """The pages that claim an output for this run of `example` here."""
    return [
        shown
        for shown in example.shown
        if shown_on(shown) and any(holds(b, method, version, kind) for b in shown.outputs)
    ]


def named_versions(block: OutputBlock) -> set[str]:
    """The versions the block's `data-python` specifier names (`3.13.8` in `>=3.13.8`)."""
    return {
        spec.version.rstrip(".*")
        for part in block.python.split("||")
        for spec in SpecifierSet(part)
    }


def probe_versions(blocks: Iterable[OutputBlock]) -> list[str]:
    """Versions at which the `data-python` claims of a program must leave exactly one
    stdout block per start method: the first release of every supported line
    (`3.9`, ..., `3.15`) and every version a claim names, such as `3.13.8`, so that a
    claim split at a bug-fix release is checked on both sides of it."""
    named = {v for b in blocks for v in named_versions(b)}
    low, high = version_key(SUPPORTED[0]), version_key(SUPPORTED[-1] + ".999")
    versions = set(SUPPORTED) | {v for v in named if low <= version_key(v) <= high}
    return sorted(versions, key=version_key)


def oldest_python(shown: ShownExample, method: str) -> str | None:
    """The oldest supported version on which the page claims an output under `method`."""
    return next(
        (
            v
            for v in probe_versions(shown.outputs)
            if any(holds(b, method, v) for b in shown.outputs)
        ),
        None,
    )


def coverage_problems(where: str, file: str, blocks: list[OutputBlock]) -> list[str]:
    """Every run the blocks of one shown example cover must have exactly one stdout
    claim (and at most one stderr claim) on every probed version, except the oldest
    versions, which may have none (an example that needs a newer Python).  After
    the first problem, each remaining (method, stdout kind) is checked on its first
    version only."""
    problems: list[str] = []
    stdout = [b for b in blocks if b.stream == "stdout"]
    stderr = [b for b in blocks if b.stream == "stderr"]
    probes = probe_versions(blocks)
    for method in claimed_methods(blocks):
        for kind in claimed_kinds(blocks):
            claimed_yet = False
            for version in probes:
                claims = [b for b in stdout if holds(b, method, version, kind)]
                errs = [b for b in stderr if holds(b, method, version)]
                # No claim for the oldest versions means "needs a newer Python";
                # a hole above a claimed version is a mistake.
                if len(claims) > 1 or (not claims and (claimed_yet or version == probes[-1])):
                    to_file = " (stdout to a file)" if kind == "file" else ""
                    problems.append(
                        f"{where}: {len(claims)} output blocks claim the {method} "
                        f"output{to_file} of {file} on Python {version}; exactly one "
                        "must (only the oldest versions may have none, for a program "
                        "that needs a newer Python)"
                    )
                claimed_yet = claimed_yet or bool(claims)
                if len(errs) > 1:
                    problems.append(
                        f"{where}: {len(errs)} stderr blocks claim {method} on Python {version}"
                    )
                if problems:
                    break
    return problems
