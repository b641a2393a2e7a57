"""The third-party packages the examples import, and their pins.

Shared by the check kit (its `requirements.txt`, and which runs it skips where a
package is missing), by dev.py (the other Pythons' venvs get these pins) and by
the tests (every example's third-party import is one of `EXAMPLE_PACKAGES`).
Standard library only: dev.py imports it before `.venv` exists.
"""

from __future__ import annotations

import ast
import pkgutil
import re
import sys
import sysconfig
from collections.abc import Iterable
from functools import cache
from pathlib import Path

EXAMPLE_PACKAGES = (
    "numpy",
    "tqdm",
    "dask",
    "distributed",
    "threadpoolctl",
    "coverage",
    "pytest",
    "pytest-timeout",
)
"""The packages examples import; the other Pythons' venvs get the lock's pins of
these and of everything they depend on."""


def examples_requirements(lock: str) -> str:
    """The pins of `lock` (requirements.lock) for EXAMPLE_PACKAGES and their
    dependencies: what the other Pythons' venvs get, and the check kit's
    requirements.txt.  The lock says why it holds each pin (its `# via` comments), so a pin
    belongs here when an example package, or a pin already here, needs it."""
    pin = re.compile(r"^[a-z0-9].*?(?=^[a-z0-9]|\Z)", re.MULTILINE | re.DOTALL)
    needed_by = re.compile(r"^\s+#\s+(?:via\s+)?([a-z0-9][a-z0-9._-]*)", re.MULTILINE)
    blocks = pin.findall(lock)
    name = {b: re.split(r"[=\s;]", b, maxsplit=1)[0] for b in blocks}
    via = {b: set(needed_by.findall(b)) for b in blocks}
    wanted = set(EXAMPLE_PACKAGES)
    while True:
        more = {name[b] for b in blocks if via[b] & wanted} - wanted
        if not more:
            break
        wanted |= more
    return "".join(b for b in blocks if name[b] in wanted)


def third_party_imports(code: str, companions: Iterable[str] = ()) -> list[str]:
    """The top-level modules a program imports that are not in the standard
    library or next to it (`companions`, the files it runs with): the kit skips
    its runs where they are missing."""
    local = {Path(name).stem for name in companions}
    found = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.add(node.module.split(".")[0])
    return sorted(found - standard_library() - local - {"__future__"})


@cache
def standard_library() -> frozenset[str]:
    """The top-level modules of this interpreter's standard library."""
    names = getattr(sys, "stdlib_module_names", None)  # Python 3.10 and newer
    if names is not None:
        return frozenset(names)
    # Python 3.9: the modules built in, and those of its library folders.
    paths = sysconfig.get_paths()
    folders = {paths["stdlib"], paths["platstdlib"]}
    folders |= {
        str(Path(folder, name)) for folder in set(folders) for name in ("lib-dynload", "DLLs")
    }
    found = {module.name for module in pkgutil.iter_modules(sorted(folders))}
    return frozenset(found | set(sys.builtin_module_names))
