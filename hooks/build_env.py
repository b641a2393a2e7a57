"""The environment a site build runs in, and with it every tool of the project
(mkdocs, pytest, ruff and the scripts), whether started by dev.py or by a test.

Not a hook: `hooks/offline_copy.py` builds with it, and dev.py and the tests
import it.  Standard library only: dev.py imports it before `.venv` exists.
"""

from __future__ import annotations

import os
from collections.abc import Mapping


def build_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """This process's environment, as a site build needs it, with `extra` on top.

    `PYTHONUTF8=1`: pages, examples and the search index are read and written
    as UTF-8 on every platform.  `NO_MKDOCS_2_WARNING=1`: Material prints no
    banner about MkDocs 2.0 into every build's log."""
    return {**os.environ, "PYTHONUTF8": "1", "NO_MKDOCS_2_WARNING": "1", **(extra or {})}
