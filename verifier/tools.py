"""Whether an interpreter can find the programs an example runs (`data-needs`),
and the modules it imports (the check kit).

An example that compiles C or starts Node.js needs `cc` or `node` on the `PATH`
that its interpreter sees, which for Debian's builds (see `devtools.pythons`) is
the Debian root's, not this machine's.  So the interpreter itself is asked,
once per interpreter and set of programs.
"""

from __future__ import annotations

import subprocess
from functools import cache

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
def missing_programs(python: str, programs: tuple[str, ...]) -> tuple[str, ...]:
    """The programs of `programs` that `python` does not find on its `PATH`."""
    return _missing(python, _PROGRAMS, programs)


@cache
def missing_modules(python: str, modules: tuple[str, ...]) -> tuple[str, ...]:
    """The top-level modules of `modules` that `python` cannot import (the check
    kit asks, for the examples that import NumPy, tqdm or Dask)."""
    return _missing(python, _MODULES, modules)
