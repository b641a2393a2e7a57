"""The environment every tool of the project runs in: mkdocs, pytest, ruff and the
scripts, whether started by dev.py or by a test.

Standard library only: dev.py imports it before `.venv` exists.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping


def build_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """This process's environment, as a site build needs it, with `extra` on top.

    `PYTHONUTF8=1`: pages, examples and the search index are read and written
    as UTF-8 on every platform.  `NO_MKDOCS_2_WARNING=1`: Material prints no
    banner about MkDocs 2.0 into every build's log."""
    return {**os.environ, "PYTHONUTF8": "1", "NO_MKDOCS_2_WARNING": "1", **(extra or {})}


# The packages examples import; the other Pythons' venvs get the lock's pins of
# these and of everything they depend on.
EXAMPLE_PACKAGES = ("numpy", "tqdm", "dask", "distributed")


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
