"""Whether an interpreter can find the programs an example runs (`data-needs`).

An example that compiles C or starts Node.js needs `cc` or `node` on the `PATH`
that its interpreter sees, which for Debian's builds (see `verifier.debian`) is
the Debian root's, not this machine's.  So the interpreter itself is asked,
once per interpreter and set of programs.
"""

from __future__ import annotations

import subprocess
from functools import cache

_ASK = "import shutil, sys; print(' '.join(p for p in sys.argv[1:] if not shutil.which(p)))"


@cache
def missing_programs(python: str, programs: tuple[str, ...]) -> tuple[str, ...]:
    """The programs of `programs` that `python` does not find on its `PATH`."""
    if not programs:
        return ()
    found = subprocess.run(
        [python, "-c", _ASK, *programs], capture_output=True, text=True, check=True, timeout=60
    )
    return tuple(found.stdout.split())
