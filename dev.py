#!/usr/bin/env python3
"""One entry point for working on the site; needs only Python 3.9+ to start.

    python3 dev.py serve      # build and serve the site at http://127.0.0.1:8000
    python3 dev.py test       # the whole test suite (what CI runs), snippets on every Python found
    python3 dev.py build      # strict build into site/
    python3 dev.py update     # rewrite shown outputs and example formatting from real runs
    python3 dev.py flakes 20  # run every (snippet x start method x Python) 20 times
    python3 dev.py lock       # re-pin requirements.lock from pyproject.toml
    python3 dev.py diagrams   # redraw the Mermaid diagrams into hooks/diagrams/ (needs chromium)

Measurements (never part of `test`; timings are reported, not asserted):

    python3 dev.py bench      # IPC benchmark suite (benchmarks/), results as JSON
    python3 dev.py site-speed # Lighthouse on the built site (needs node, npm, chromium)
    python3 dev.py overhead   # the snippet suite's time against bare runs of its programs

Every command first makes sure `.venv` exists and holds exactly the pinned,
hash-checked packages of requirements.lock; extra arguments go to the tool
(mkdocs or pytest) unchanged.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

from verifier.pythons import (
    DEBIAN_LINES,
    found_pythons,
    full_version,
    prepare,
    unverified,
    version_key,
)

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("DEV_VENV", ROOT / ".venv"))
LOCK = ROOT / "requirements.lock"
STAMP = VENV / ".requirements.lock.sha256"
# Only needed by `dev.py lock`; kept out of the lock so users never download it.
UV = "uv==0.13.9"
LOCK_COMMAND = (
    "uv pip compile pyproject.toml --universal --python-version 3.9"
    " --fork-strategy fewest --generate-hashes --no-header"
    " -o requirements.lock"
)


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def say(message: str) -> None:
    print(f"dev.py: {message}", file=sys.stderr, flush=True)


def run(*args: object, env: dict[str, str] | None = None) -> int:
    return subprocess.call([str(a) for a in args], cwd=ROOT, env=env)


def check(*args: object) -> None:
    code = run(*args)
    if code:
        sys.exit(code)


def ensure_env() -> Path:
    """Create .venv and install the lock into it, unless that is already done."""
    if sys.version_info < (3, 9):  # noqa: UP036 -- the point is a clear message
        sys.exit("dev.py: Python 3.9 or newer is required")
    python = venv_python()
    wanted = hashlib.sha256(LOCK.read_bytes()).hexdigest() + " " + sys.version
    if python.exists() and STAMP.exists() and STAMP.read_text() == wanted:
        return python
    if not python.exists():
        say(f"creating {VENV}")
        check(sys.executable, "-m", "venv", VENV)
    say("installing the pinned packages of requirements.lock")
    check(
        python,
        "-m",
        "pip",
        "install",
        "--disable-pip-version-check",
        "--require-hashes",
        "--no-deps",
        "-r",
        LOCK,
    )
    STAMP.write_text(wanted)
    return python


def examples_requirements() -> str:
    """The lock's pins of the packages examples import (NumPy), for the other Pythons."""
    blocks = re.findall(r"^numpy==.*?(?=^\S)", LOCK.read_text(), re.MULTILINE | re.DOTALL)
    return "".join(blocks)


def snippet_env(base: str, version: str) -> Path | None:
    """A venv of `base` with the lock's packages that examples import (NumPy), so
    that every interpreter runs the snippets in an environment a reader would have."""
    venv = ROOT / ".venvs" / f"py{version}"
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    wanted = examples_requirements()
    stamp = venv / ".examples.sha256"
    digest = hashlib.sha256(wanted.encode()).hexdigest()
    if python.exists() and stamp.exists() and stamp.read_text() == digest:
        return python
    say(f"preparing {venv.relative_to(ROOT)} (NumPy for the examples)")
    requirements = venv.parent / f"{venv.name}-examples.txt"
    venv.parent.mkdir(exist_ok=True)
    requirements.write_text(wanted)
    if run(base, "-m", "venv", "--clear", venv) or run(
        python, "-m", "pip", "install", "--disable-pip-version-check", "-q",
        "--require-hashes", "--no-deps", "-r", requirements,
    ):  # fmt: skip
        say(f"warning: could not prepare {venv.name}; its snippets are not run")
        return None
    stamp.write_text(digest)
    return python


def snippet_pythons(python: Path) -> str:
    """--snippet-python for `test` and `flakes`: .venv's interpreter, then every other
    CPython release found (see verifier.pythons), after preparing Debian's current
    builds of the supported lines this machine lacks.  What cannot be prepared is
    said here in one line; the test summary lists those lines as not verified."""
    own = full_version(str(python))
    found = {v: p for v, p in found_pythons().items() if v != own}
    missing = unverified([own, *found])
    prepared = prepare(
        [m.split()[0] for m in missing if m.split()[0] in DEBIAN_LINES], examples_requirements()
    )
    found.update((full_version(p), p) for p in prepared.pythons)
    if prepared.problem:
        lines = ", ".join(m for m in missing if m.split()[0] in DEBIAN_LINES)
        say(f"Python {lines} not verified: {prepared.problem}")
    pythons = [str(python)]
    for version, base in sorted(found.items(), key=lambda item: version_key(item[0])):
        if base in prepared.pythons:
            pythons.append(base)  # its venv with NumPy is inside the Debian root
            continue
        env = snippet_env(base, version)
        if env:
            pythons.append(str(env))
    return ",".join(pythons)


def every_python(python: Path, args: list[str]) -> list[str]:
    """The --snippet-python argument, unless the caller gave one."""
    if any(a.startswith("--snippet-python") for a in args):
        return []
    return [f"--snippet-python={snippet_pythons(python)}"]


def tool_env() -> dict[str, str]:
    env = dict(os.environ)
    # Pages are UTF-8; make every tool read and write them that way, even on
    # Windows with a legacy code page.
    env["PYTHONUTF8"] = "1"
    # Material's banner about MkDocs 2.0; the lock pins MkDocs 1.x.
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    return env


def pytest(python: Path, args: list[str]) -> int:
    return run(python, "-m", "pytest", *args, env=tool_env())


def parallel_args(args: list[str]) -> list[str]:
    """One pytest-xdist worker per core, unless the caller chose otherwise.

    `loadgroup` keeps the tests of the built site on the worker that built it.
    """
    if any(a.startswith(("-n", "--numprocesses")) or a == "no:xdist" for a in args):
        return []
    return ["-n", "auto", "--dist", "loadgroup"]


MEASUREMENTS = {
    "bench": ["-m", "benchmarks", "run"],
    "site-speed": ["benchmarks/site_speed/measure.py"],
    "overhead": ["benchmarks/verifier_overhead.py"],
}
"""Commands that measure speed: what each runs with .venv's Python."""

TOOLS = {**MEASUREMENTS, "diagrams": ["tests/browser/draw_diagrams.py"]}
"""Commands that run one script with .venv's Python."""


def main(argv: list[str]) -> int:
    command, args = (argv[0], argv[1:]) if argv else ("help", [])
    if command in {"help", "-h", "--help"}:
        print(__doc__)
        return 0
    if command not in {*TOOLS, "serve", "test", "build", "update", "flakes", "lock"}:
        print(__doc__)
        return 2
    python = ensure_env()
    os.chdir(ROOT)
    if command in TOOLS:
        return run(python, *TOOLS[command], *args, env=tool_env())
    if command == "serve":
        return run(python, "-m", "mkdocs", "serve", *args, env=tool_env())
    if command == "build":
        if {"-q", "--quiet"} & set(args):
            # mkdocs 1.6 then exits 0 even when --strict found warnings.
            sys.exit("dev.py: build without -q, or warnings would not fail it")
        return run(python, "-m", "mkdocs", "build", "--strict", *args, env=tool_env())
    if command == "test":
        return pytest(python, [*parallel_args(args), *every_python(python, args), *args])
    if command == "update":
        # Serial on purpose: several workers rewriting one page would race.
        targets = ["tests/test_snippets.py", "tests/test_example_style.py"]
        return pytest(python, ["-p", "no:xdist", "--update-examples", *targets, *args])
    if command == "flakes":
        repeat = args[0] if args and args[0].isdigit() else "10"
        rest = args[1:] if args and args[0].isdigit() else args
        return pytest(
            python,
            [
                *parallel_args(rest),
                *every_python(python, rest),
                "--snippet-repeat",
                repeat,
                "tests/test_snippets.py",
                *rest,
            ],
        )
    # lock
    check(python, "-m", "pip", "install", "--disable-pip-version-check", UV)
    uv = python.parent / ("uv.exe" if os.name == "nt" else "uv")
    check(uv, *LOCK_COMMAND.split()[1:], *args)
    say(f"regenerated {LOCK.name}; commit it together with pyproject.toml")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
