"""What each run of an example is, here: the one decision both front ends use.

A *run* is one example under one start method with its stdout going to a
terminal or a file.  On one interpreter and platform, `plan()` gives each run
one status, with its reason:

* `run`: a page claims its output here, and everything it needs is here;
* `not claimed`: no page claims an output for this platform or this Python
  (a program shown for Linux only, on macOS; one that needs a newer Python;
  a block limited by `data-python`): nothing to check, never a pass;
* `skipped`: a page claims it, but the run needs what this machine lacks (a
  package the program imports, a program on `PATH` such as `cc` or `node`);
* `unavailable`: this platform has no such start method (fork on Windows).

The check kit (`verifier.check`) is the front end that makes the runs, in the
interpreter under test; the pytest plugin (`verifier.pytest_plugin`) lists the
same runs as tests (`runs()`, `Run.id`) and has the kit make them.  Standard
library only, but for `packaging` through `verifier.claims`: the kit ships it.
"""

from __future__ import annotations

import multiprocessing
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache

from verifier.claims import claiming, oldest_python, shown_on
from verifier.container import unavailable
from verifier.declarations import START_METHODS, Example
from verifier.interpreters import version_key

RUN, SKIPPED, NOT_CLAIMED, UNAVAILABLE = "run", "skipped", "not claimed", "unavailable"
STATUSES = (RUN, SKIPPED, NOT_CLAIMED, UNAVAILABLE)


@dataclass(frozen=True)
class Run:
    """One run of an example; `status` and `reason` once `plan()` has decided."""

    example: Example
    method: str
    """The start method forced for the run."""
    stdout_kind: str
    """`terminal`, or `file` for the run with stdout redirected to a file."""
    id: str
    """`<folder>/<file>.py-<method>`, then `-stdout-to-file` for the run with stdout
    redirected (see `run_id`)."""
    status: str = ""
    """One of `STATUSES`; empty until planned."""
    reason: str = ""
    """Why the run is not made (every status but `run`)."""
    missing_packages: tuple[str, ...] = ()
    """For a `skipped` run, the imported packages this interpreter lacks."""

    @property
    def label(self) -> str:
        kind = "" if self.stdout_kind == "terminal" else " (stdout to a file)"
        return f"{self.example.id} under {self.method}{kind}"


def run_id(example: Example, method: str, stdout_kind: str) -> str:
    """The id both front ends name a run by: `queue/put_get.py-spawn`, and
    `-stdout-to-file` after it for the run with stdout redirected to a file.
    The folder is named after the page that shows the example."""
    suffix = "" if stdout_kind == "terminal" else f"-stdout-to-{stdout_kind}"
    return f"{example.id}-{method}{suffix}"


def runs(examples: Iterable[Example], methods: Iterable[str] = START_METHODS) -> list[Run]:
    """Every run of `examples` under the start methods of `methods` that the pages
    show them under, in page order: per example, per method, per stdout kind."""
    wanted = set(methods)
    return [
        Run(example, method, kind, run_id(example, method, kind))
        for example in examples
        for method in example.methods
        if method in wanted
        for kind in example.stdout_kinds
    ]


def plan(
    planned: Iterable[Run],
    version: str,
    *,
    python: str,
    imports: Mapping[str, Iterable[str]] | None = None,
) -> list[Run]:
    """Decide each run of `planned` for the interpreter `python` (version
    `version`) on this platform.  `imports` gives, per example file, the
    third-party modules it imports (the kit's `claims.json`); `None` asks nothing
    about packages."""
    available = multiprocessing.get_all_start_methods()
    decided = []
    for run in planned:
        status, reason, missing_packages = RUN, "", ()
        unclaimed = _unclaimed(run, version)
        if run.method not in available:
            status, reason = UNAVAILABLE, f"{run.method} is not available on this platform"
        elif unclaimed:
            status, reason = NOT_CLAIMED, unclaimed
        else:
            wanted = tuple((imports or {}).get(run.example.file, ()))
            missing_packages = missing_modules(python, wanted)
            missing = missing_packages + missing_programs(python, run.example.needs)
            no_container = no_container_here(python, run.example.container)
            if missing:
                status = SKIPPED
                reason = f"needs {', '.join(missing)}, which this Python does not find"
                if missing_packages:
                    reason += " (pip install -r requirements.txt)"
            elif no_container:
                status, reason = SKIPPED, no_container
        decided.append(
            replace(run, status=status, reason=reason, missing_packages=missing_packages)
        )
    return decided


def _unclaimed(run: Run, version: str) -> str:
    """Why no page claims an output for `run` on Python `version` here, or ``."""
    example = run.example
    shown = [s for s in example.shown if shown_on(s)]
    if not shown:
        where = ", ".join(sorted({p for s in example.shown for p in s.platforms}))
        return f"the page shows this program for {where} only"
    claimed = [v for v in (oldest_python(s, run.method) for s in shown) if v]
    oldest = min(claimed, key=version_key) if claimed else None
    if oldest and version_key(version) < version_key(oldest):
        return f"needs Python {oldest} or newer (the page says so)"
    if not claiming(example, run.method, version, run.stdout_kind):
        return f"no page claims an output for this run on Python {version}"
    return ""


# --- what an interpreter lacks ------------------------------------------------
#
# An example that compiles C or starts Node.js needs `cc` or `node` on the `PATH`
# that its interpreter sees, which for Debian's builds (see `devtools.pythons`) is
# the Debian root's, not this machine's.  So the interpreter itself is asked, once
# per interpreter and set of names.

_PROGRAMS = "import shutil, sys; print(' '.join(p for p in sys.argv[1:] if not shutil.which(p)))"
_MODULES = (
    "import importlib.util, sys; "
    "print(' '.join(m for m in sys.argv[1:] if importlib.util.find_spec(m) is None))"
)


def _missing(python: str, question: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """Those of `names` that `python`, running `question` with them, says it lacks."""
    if not names:
        return ()
    found = subprocess.run(
        [python, "-c", question, *names], capture_output=True, text=True, check=True, timeout=60
    )
    return tuple(found.stdout.split())


@cache
def no_container_here(python: str, settings: tuple[str, ...]) -> str:
    """Why `python` cannot run a program as in a container with `settings`
    (`data-container`, see `verifier.container`), or `` if it can."""
    return unavailable(python, settings)


@cache
def missing_programs(python: str, programs: tuple[str, ...]) -> tuple[str, ...]:
    """The programs of `programs` that `python` does not find on its `PATH`."""
    return _missing(python, _PROGRAMS, programs)


@cache
def missing_modules(python: str, modules: tuple[str, ...]) -> tuple[str, ...]:
    """The top-level modules of `modules` that `python` cannot import."""
    return _missing(python, _MODULES, modules)
