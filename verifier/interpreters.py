"""The CPython interpreters the examples are verified on: which releases the site
claims, which interpreters this machine has, and Debian's current builds prepared
for the release lines it lacks.

Standard library only: `dev.py` uses it before `.venv` exists.

The site claims the release lines in `SUPPORTED`.  A line counts as verified only
when an interpreter of it ran the examples, and for a line whose behaviour changed
in a bug-fix release, only when that interpreter is at least as new as `CURRENT`
says (3.13.8 made the fork server preload `__main__`, gh-126631).  The verified
marks on the pages (`hooks/verified_marks.py`) name the same range.

Interpreters are found where a developer keeps them (pyenv's installs, `python3.X`
on PATH).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from functools import cache

SUPPORTED = ("3.9", "3.10", "3.11", "3.12", "3.13", "3.14", "3.15")
"""Every CPython release line the pages claim, oldest first."""

FREE_THREADED = ("3.14t", "3.15t")
"""The free-threaded builds (PEP 703, no GIL) that GitHub Actions also runs the suite
on, after the lines of `SUPPORTED` in each `python:` matrix of
`.github/workflows/test.yml` (`tests/test_interpreters.py` checks that order).  They
run only there, because `actions/setup-python` provides them and no machine of the
project's CI can install one; so they are not lines of `SUPPORTED`, and the verified
marks on the pages never claim them."""

END_OF_LIFE = {"3.9": "2025-10", "3.10": "2026-10"}
"""The lines of `SUPPORTED` past their end of life, with the month it came
(https://devguide.python.org/versions/).  They are still verified, and every
place that names them says so, derived from here: the verified marks
(`hooks/verified_marks.py`), the content tabs and block titles of the pages, the
README and the pages' lists of versions (`tests/test_end_of_life.py` checks it)."""

CURRENT = {"3.13": "3.13.8", "3.14": "3.14.1"}
"""The oldest bug-fix release that counts as verifying a line whose behaviour changed
within it: 3.13.8 and 3.14.1 preload `__main__` in the fork server (gh-126631)."""


def line_of(version: str) -> str:
    """`3.13` for `3.13.18`."""
    return ".".join(version.split(".")[:2])


def version_key(version: str) -> tuple[int, ...]:
    """A sort key for `3.9`, `3.13.18` and the like."""
    return tuple(int(part) for part in re.findall(r"\d+", version)[:3])


def lines_from(oldest: str, newest: str = SUPPORTED[-1]) -> tuple[str, ...]:
    """The lines of `SUPPORTED` from `oldest`'s to `newest`'s, both included."""
    low, high = version_key(line_of(oldest)), version_key(line_of(newest))
    return tuple(line for line in SUPPORTED if low <= version_key(line) <= high)


def eol_label(lines: tuple[str, ...] | list[str]) -> str:
    """What a title naming `lines` adds about their end of life: `EOL` when all of
    them are past it, `3.9–3.10 EOL` when some are, `` when none is."""
    past = [line for line in SUPPORTED if line in END_OF_LIFE and line in lines]
    if not past:
        return ""
    if len(past) == len(set(lines)):
        return "EOL"
    return ("–".join((past[0], past[-1])) if len(past) > 1 else past[0]) + " EOL"


def counts_for_line(version: str) -> bool:
    """Whether a run on `version` verifies its release line (see `CURRENT`)."""
    newest_change = CURRENT.get(line_of(version))
    return newest_change is None or version_key(version) >= version_key(newest_change)


def unverified(versions: list[str]) -> list[str]:
    """The lines of `SUPPORTED` that no run on `versions` verifies, each with the
    release it needs: `3.13 (3.13.8 or newer)`, `3.15`."""
    covered = {line_of(v) for v in versions if counts_for_line(v)}
    return [
        f"{line} ({CURRENT[line]} or newer)" if line in CURRENT else line
        for line in SUPPORTED
        if line not in covered
    ]


# --- interpreters already on this machine ------------------------------------


@cache
def _identify(python: str) -> tuple[str, str] | None:
    code = "import platform; print(platform.python_implementation(), platform.python_version())"
    try:
        out = subprocess.run(
            [python, "-c", code], capture_output=True, text=True, timeout=60, check=False
        ).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return None
    return (out[0], out[1]) if len(out) == 2 else None


def cpython_version(python: str) -> str | None:
    """`3.13.18` for a working CPython interpreter, else None (asked once per process)."""
    found = _identify(python)
    return found[1] if found and found[0] == "CPython" else None


def python_version(python: str) -> str:
    """The version of the interpreter `python`, like `3.11.7` (asked once per process).

    Raises `RuntimeError` if it does not run."""
    found = _identify(python)
    if not found:
        raise RuntimeError(f"cannot run {python} to read its version")
    return found[1]


def describe_python(python: str) -> str:
    """`python (3.11.7)` for messages; the path as given if it cannot run."""
    found = _identify(python)
    return f"{shutil.which(python) or python} ({found[1]})" if found else python
