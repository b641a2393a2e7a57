"""The runs the example suite makes: one per (interpreter, example, start method,
stdout kind), each with its test id and, if it is not made here, why.

The pytest plugin (`verifier.pytest_plugin`) passes each `Run` whole to
`tests/test_examples.py`; `devtools/verifier_overhead.py` times the same runs bare.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from verifier.catalog import Catalog
from verifier.claims import skip_reason
from verifier.declarations import START_METHODS, Example
from verifier.interpreters import python_version
from verifier.tools import missing_programs


@dataclass(frozen=True)
class Run:
    """One run of the suite."""

    example: Example
    method: str
    """The start method forced for the run."""
    stdout_kind: str
    """`terminal`, or `file` for the run with stdout redirected to a file."""
    python: str
    """The interpreter that runs the example."""
    version: str
    """Its version, like `3.13.18` (read once, when the runs are listed)."""
    id: str
    """The test id, e.g. `queue/put_get.py-spawn-stdout-to-file-py3.13.18`."""

    @cached_property
    def skip_reason(self) -> str | None:
        """Why this run is not made here (see `verifier.claims.skip_reason`; or a
        program of `data-needs` that the interpreter does not find), or `None`."""
        reason = skip_reason(self.example, self.method, self.version)
        missing = () if reason else missing_programs(self.python, self.example.needs)
        if missing:
            return f"needs {', '.join(missing)} on PATH, which this Python does not find"
        return reason


def runs(
    catalog: Catalog, pythons: list[str], methods: tuple[str, ...] = START_METHODS
) -> list[Run]:
    """Every run, in the suite's order: per interpreter, per example, per start
    method (of `methods`), per stdout kind; runs that are skipped included.

    An id is `<folder>/<file>.py-<method>`, then `-stdout-to-file` for the run with
    stdout redirected, then `-py<version>` when there is more than one interpreter;
    the folder is named after the page that shows the example."""
    found = []
    for python in pythons:
        version = python_version(python)
        tag = f"-py{version}" if len(pythons) > 1 else ""
        for example in catalog.examples:
            for method in example.methods:
                if method not in methods:
                    continue
                for kind in example.stdout_kinds:
                    suffix = "" if kind == "terminal" else f"-stdout-to-{kind}"
                    run_id = f"{example.id}-{method}{suffix}{tag}"
                    found.append(Run(example, method, kind, python, version, run_id))
    return found
