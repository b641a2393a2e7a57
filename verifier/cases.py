"""The runs the snippet suite makes: one per (interpreter, program, start method,
stdout kind), and why a run is skipped.

`tests/test_snippets.py` turns these into test cases;
`benchmarks/verifier_overhead.py` times the same runs bare.
"""

from __future__ import annotations

import multiprocessing
import sys
from dataclasses import dataclass

from verifier.catalog import Catalog, Snippet
from verifier.pages import START_METHODS
from verifier.pythons import version_key
from verifier.run import python_version


@dataclass(frozen=True)
class Case:
    """One run of the suite."""

    snippet: Snippet
    method: str
    stdout_kind: str
    """`terminal`, or `file` for the run with stdout redirected to a file."""
    python: str
    id: str
    """The test id, e.g. `queue/put_get.py-spawn-stdout-to-file-py3.13.18`."""

    @property
    def skip_reason(self) -> str | None:
        return skip_reason(self.snippet, self.method, python_version(self.python))


def skip_reason(snippet: Snippet, method: str, version: str) -> str | None:
    """Why `snippet` is not run under `method` on Python `version` here, or `None`."""
    if method not in multiprocessing.get_all_start_methods():
        return f"{method} is not available here"
    shown = [s for s in snippet.shown if s.runs_on(sys.platform)]
    if not shown:
        where = ", ".join(sorted({p for s in snippet.shown for p in s.platforms}))
        return f"the page shows this program for {where} only"
    oldest = min(
        (s.oldest_python(method) for s in shown if s.oldest_python(method)), key=version_key
    )
    if version_key(version) < version_key(oldest):
        return f"needs Python {oldest} or newer (the page says so)"
    return None


def cases(
    catalog: Catalog, pythons: list[str], methods: tuple[str, ...] = START_METHODS
) -> list[Case]:
    """Every run, in the suite's order: per interpreter, per program, per start
    method (of `methods`), per stdout kind; skipped runs included."""
    found = []
    for python in pythons:
        version = python_version(python)
        tag = f"-py{version}" if len(pythons) > 1 else ""
        for snippet in catalog.snippets:
            for method in snippet.methods:
                if method not in methods:
                    continue
                for kind in snippet.stdout_kinds:
                    suffix = "" if kind == "terminal" else f"-stdout-to-{kind}"
                    found.append(
                        Case(snippet, method, kind, python, f"{snippet.id}-{method}{suffix}{tag}")
                    )
    return found
