#!/usr/bin/env python3
"""One entry point for working on the site; needs only Python 3.9+ to start.

    python3 dev.py <command> [arguments for the tool]

Every command first makes sure `.venv` exists and holds exactly the pinned,
hash-checked packages of requirements.lock and this repository itself
(installed editable, so every module imports by its package name); extra
arguments go to the tool (mkdocs, pytest, ruff or the script) unchanged.
`python3 dev.py help` lists the commands.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from devtools.pythons import CACHE, DEBIAN_LINES, found_pythons, prepare, say
from hooks.build_env import build_env
from verifier.interpreters import cpython_version, unverified, version_key
from verifier.requirements import EXAMPLE_PACKAGES, examples_requirements

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


def venv_python(venv: Path = VENV) -> Path:
    """The interpreter of the venv at `venv`."""
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def run(*args: object, env: dict[str, str] | None = None) -> int:
    return subprocess.call([str(a) for a in args], cwd=ROOT, env=env)


def check(*args: object) -> None:
    code = run(*args)
    if code:
        sys.exit(code)


def ensure_env() -> Path:
    """Create .venv and install the lock and the repository into it, unless that is
    already done for this lock, this pyproject.toml and this Python."""
    if sys.version_info < (3, 9):  # noqa: UP036 -- the point is a clear message
        sys.exit("dev.py: Python 3.9 or newer is required")
    python = venv_python()
    digest = hashlib.sha256(LOCK.read_bytes() + (ROOT / "pyproject.toml").read_bytes())
    wanted = digest.hexdigest() + " " + sys.version
    if python.exists() and STAMP.exists() and STAMP.read_text() == wanted:
        return python
    if not python.exists():
        say(f"creating {VENV}")
        check(sys.executable, "-m", "venv", VENV)
    say("installing the pinned packages of requirements.lock, then this repository")
    pip = [python, "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    check(*pip, "--no-compile", "--require-hashes", "--no-deps", "-r", LOCK)
    # Editable, built by the locked setuptools: verifier, hooks, benchmarks and
    # devtools import by name from anywhere, and pytest finds the verifier's plugin.
    check(*pip, "--no-deps", "--no-build-isolation", "--editable", ROOT)
    # Compiled ahead, every module: this interpreter runs the examples too, with
    # PYTHONDONTWRITEBYTECODE (verifier/runner.py), so a module left to compile on
    # first import is compiled again by every process that imports it (NumPy and
    # Dask: 1 s of CPU each time).  compileall with a process per core, not pip
    # (one file after the other: 18 s against 13 s here); -W ignore, as pip does:
    # what the compiler says of third-party sources (jieba's escape sequences)
    # is not for this repository to fix.
    check(python, "-W", "ignore", "-m", "compileall", "-q", "-j", "0", VENV / "lib")
    STAMP.write_text(wanted)
    return python


def examples_venv(base: str, version: str) -> Path | None:
    """A venv of `base` with the lock's pins of EXAMPLE_PACKAGES, so
    that every interpreter runs the examples in an environment a reader would have.

    Kept in the interpreters' cache (devtools.pythons.CACHE), one per Python
    version and set of pins, and shared by every clone of this repository on the
    machine: the venv holds no file of a clone, and making one takes longer than
    the rest of the set-up (ensurepip, then NumPy, Dask and the others).  Made in a
    temporary folder and renamed into place, so a run that starts meanwhile never
    sees half of one."""
    wanted = examples_requirements(LOCK.read_text())
    digest = hashlib.sha256(wanted.encode()).hexdigest()
    venv = CACHE / "venvs" / f"py{version}-{digest[:16]}"
    python = venv_python(venv)
    if python.exists():
        return python
    say(f"preparing {venv} ({', '.join(EXAMPLE_PACKAGES)} for the examples)")
    venv.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{venv.name}-", dir=venv.parent))
    requirements = building.parent / f"{building.name}-examples.txt"
    requirements.write_text(wanted)
    try:
        if run(base, "-m", "venv", "--clear", building) or run(
            venv_python(building), "-m", "pip", "install", "--disable-pip-version-check",
            "-q", "--require-hashes", "--no-deps", "-r", requirements,
        ):  # fmt: skip
            say(f"warning: could not prepare {venv.name}; its examples are not run")
            return None
        # Its interpreter finds the venv by its own path, so the venv works where it
        # is moved to (only the console scripts' first lines name the old folder,
        # and no example starts one).  Whoever renames first wins; a venv made at
        # the same time by another run is the same, and is dropped.
        try:
            building.rename(venv)
        except OSError:
            if not python.exists():
                raise
    finally:
        shutil.rmtree(building, ignore_errors=True)
        requirements.unlink(missing_ok=True)
    return python


def every_interpreter(python: Path) -> list[str]:
    """The interpreters `test` and `flakes` run the examples on: .venv's, then every
    other CPython release found (see devtools.pythons), after preparing Debian's
    current builds of the supported lines this machine lacks (devtools.pythons).  What
    cannot be prepared is said here in one line; the test summary lists those lines
    as not verified."""
    own = cpython_version(str(python))
    if _others is None or _others[0] != own:
        return [str(python), *other_interpreters(own)]
    return [str(python), *_others[1].result()]


_others: tuple[str | None, Future[list[str]]] | None = None
"""`other_interpreters()` begun by `main()` while it makes .venv: (own version, result)."""


def other_interpreters(own: str | None) -> list[str]:
    """`every_interpreter()` but the one of version `own` (.venv's), made ready."""
    found = {v: p for v, p in found_pythons().items() if v != own}
    missing = unverified([own, *found])
    # Debian's root and venvs, and the venvs of the interpreters found, at the
    # same time: each is mostly one pip, or debootstrap, waiting on downloads or
    # using one core.
    with ThreadPoolExecutor(3) as pool:
        debian = pool.submit(
            prepare,
            [m.split()[0] for m in missing if m.split()[0] in DEBIAN_LINES],
            examples_requirements(LOCK.read_text()),
        )
        venvs = {
            version: pool.submit(examples_venv, base, version) for version, base in found.items()
        }
        prepared = debian.result()
        made = {version: venv.result() for version, venv in venvs.items()}
    for wrapper in prepared.pythons:
        version = cpython_version(wrapper)
        if version is None:
            say(f"warning: {wrapper} does not run; its examples are not run")
        else:
            found[version] = wrapper
    if prepared.problem:
        lines = ", ".join(m for m in missing if m.split()[0] in DEBIAN_LINES)
        say(f"Python {lines} not verified: {prepared.problem}")
    pythons = []
    for version, base in sorted(found.items(), key=lambda item: version_key(item[0])):
        if base in prepared.pythons:
            pythons.append(base)  # its venv with NumPy is inside the Debian root
        elif made[version]:
            pythons.append(str(made[version]))
    return pythons


def every_python(python: Path, args: list[str]) -> list[str]:
    """The --example-python argument, unless the caller gave one."""
    if any(a.startswith("--example-python") for a in args):
        return []
    return [f"--example-python={','.join(every_interpreter(python))}"]


def tool_env() -> dict[str, str]:
    """The environment of every tool: the one the site build needs (UTF-8 pages
    everywhere, no MkDocs 2.0 banner), from `hooks.build_env.build_env`, which
    the tests' own builds use too."""
    return build_env()


def pytest(python: Path, args: list[str]) -> int:
    return run(python, "-m", "pytest", *args, env=tool_env())


def parallel_args(args: list[str]) -> list[str]:
    """Two pytest-xdist workers per core, unless the caller chose otherwise.

    The example runs mostly wait on child processes.  On the 2-core CI machine,
    the runs of two pages on 8 interpreters, side by side: 4 workers took 0.73
    of the time 2 took, 3 took 0.88; 6 took 0.90 of 4's, 8 took 1.07 of 6's.
    The whole suite, whose browser tests keep the cores busy, took as long
    with 6 workers as with 4 (test stage 18m37s and 18m21s, fresh clones).  `loadgroup` keeps the tests of the built site on the worker that
    built it, and the runs of one interpreter and start method on the worker
    whose kit makes them; `--no-loadscope-reorder` keeps the plugin's order,
    longest first (xdist would otherwise order the groups by their number of
    tests).
    """
    if any(a.startswith(("-n", "--numprocesses")) or a == "no:xdist" for a in args):
        return []
    return ["-n", str(2 * (os.cpu_count() or 1)), "--dist", "loadgroup", "--no-loadscope-reorder"]


# --- the commands -------------------------------------------------------------


def cmd_serve(python: Path, args: list[str]) -> int:
    """build and serve the site at http://127.0.0.1:8000 (rebuilds on change)"""
    return run(python, "-m", "mkdocs", "serve", *args, env=tool_env())


def cmd_test(python: Path, args: list[str]) -> int:
    """the whole test suite (what CI runs), examples on every Python found, repeated where a flake is likely"""
    likely = [] if "--update-examples" in args else ["--repeat-where-likely"]
    return pytest(python, [*parallel_args(args), *every_python(python, args), *likely, *args])


def cmd_build(python: Path, args: list[str]) -> int:
    """strict build of both languages into site/, with the offline copy"""
    if {"-q", "--quiet"} & set(args):
        # mkdocs 1.6 then exits 0 even when --strict found warnings.
        sys.exit("dev.py: build without -q, or warnings would not fail it")
    # The offline copy (hooks/offline_copy.py) is built only where it is asked for.
    env = {**tool_env(), "MKDOCS_OFFLINE_COPY": "1"}
    return run(python, "-m", "mkdocs", "build", "--strict", *args, env=env)


def cmd_update(python: Path, args: list[str]) -> int:
    """rewrite the outputs shown on pages from real runs (-k or --start-methods to narrow)"""
    # Serial on purpose: several workers rewriting one page would race.
    targets = ["tests/test_examples.py", "tests/test_example_style.py"]
    return pytest(python, ["-p", "no:xdist", "--update-examples", *targets, *args])


def cmd_flakes(python: Path, args: list[str]) -> int:
    """run every (example x start method x Python) N times: flakes 20"""
    repeat = args[0] if args and args[0].isdigit() else "10"
    rest = args[1:] if args and args[0].isdigit() else args
    return pytest(
        python,
        [
            *parallel_args(rest),
            *every_python(python, rest),
            "--example-repeat",
            repeat,
            "tests/test_examples.py",
            *rest,
        ],
    )


def cmd_fmt(python: Path, args: list[str]) -> int:
    """format the project's code and the examples with ruff (examples/ruff.toml for those)"""
    ruff = [python, "-m", "ruff"]
    return run(*ruff, "format", *args, ".") or run(*ruff, "check", "--fix", "--select", "I", ".")


def cmd_lint(python: Path, args: list[str]) -> int:
    """ruff lint and format check, as the style tests run them"""
    ruff = [python, "-m", "ruff"]
    return run(*ruff, "check", *args, ".") or run(*ruff, "format", "--check", ".")


def cmd_bench_beyond(python: Path, args: list[str]) -> int:
    """subinterpreters, TCP and Dask against Queue and Pipe (benchmarks/beyond.py), on Python 3.14"""
    found = {cpython_version(p): p for p in every_interpreter(python)}
    on_314 = [v for v in found if v.startswith("3.14.")]
    version = max(on_314 or found, key=version_key)
    if not on_314:
        say(f"note: no Python 3.14 found, using {version}; the subinterpreter cases need 3.14+")
    say(f"measuring with Python {version} ({found[version]})")
    # Run from the repository root, so that `-m benchmarks` is this folder's package
    # also for an interpreter whose venv does not have the repository installed.
    return run(found[version], "-m", "benchmarks", "beyond", *args, env=tool_env())


def cmd_lock(python: Path, args: list[str]) -> int:
    """re-pin requirements.lock from pyproject.toml (with uv, installed on demand)"""
    check(python, "-m", "pip", "install", "--disable-pip-version-check", UV)
    uv = python.parent / ("uv.exe" if os.name == "nt" else "uv")
    check(uv, *LOCK_COMMAND.split()[1:], *args)
    say(f"regenerated {LOCK.name}; commit it together with pyproject.toml")
    return 0


def script(module: str, doc: str, *first: str) -> Callable[[Path, list[str]], int]:
    """A command that runs `python -m module *first` with .venv's Python."""

    def command(python: Path, args: list[str]) -> int:
        return run(python, "-m", module, *first, *args, env=tool_env())

    command.__doc__ = doc
    return command


COMMANDS: dict[str, Callable[[Path, list[str]], int]] = {
    "serve": cmd_serve,
    "test": cmd_test,
    "build": cmd_build,
    "update": cmd_update,
    "flakes": cmd_flakes,
    "fmt": cmd_fmt,
    "lint": cmd_lint,
    "lock": cmd_lock,
    "diagrams": script(
        "devtools.draw_diagrams",
        "redraw the Mermaid diagrams into hooks/assets/diagrams/ (needs chromium)",
    ),
    # Measurements: never part of `test`; timings are reported, not asserted.
    "bench": script("benchmarks", "the IPC benchmark suite (benchmarks/); --quick: 1 min", "run"),
    "bench-beyond": cmd_bench_beyond,
    "site-speed": script(
        "devtools.site_speed.measure", "Lighthouse on the built site (needs node, npm, chromium)"
    ),
    "search": script(
        "devtools.search_harness",
        "the browser search tests' queries, answered by the site's worker under Node (needs node)",
    ),
    "overhead": script(
        "devtools.verifier_overhead", "the example suite's time against bare runs of its examples"
    ),
}
"""Every command: name -> function(.venv's python, extra arguments) -> exit status.
The first docstring line is the command's help."""


EVERY_PYTHON = {"test", "flakes", "bench-beyond"}
"""The commands that run the examples on every interpreter (`every_interpreter()`)."""


def usage() -> str:
    width = max(map(len, COMMANDS))
    lines = [f"  python3 dev.py {name:<{width}}  {cmd.__doc__}" for name, cmd in COMMANDS.items()]
    return __doc__ + "\nCommands:\n\n" + "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    command, args = (argv[0], argv[1:]) if argv else ("help", [])
    if command in {"help", "-h", "--help"}:
        print(usage())
        return 0
    if command not in COMMANDS:
        print(usage(), file=sys.stderr)
        return 2
    if command in EVERY_PYTHON and not any(a.startswith("--example-python") for a in args):
        # The other interpreters are made ready while .venv is.  From nothing,
        # on the 2-core machine, the set-up took 301 s one step after the other
        # (.venv 64 s, the Debian root 67 s, its three venvs 56 s, four pyenv
        # venvs 113 s) and takes 150 s this way.  .venv's interpreter is the one
        # running this, unless .venv exists already.
        global _others
        own = cpython_version(str(venv_python() if venv_python().exists() else sys.executable))
        _others = (own, ThreadPoolExecutor(1).submit(other_interpreters, own))
    python = ensure_env()
    os.chdir(ROOT)
    return COMMANDS[command](python, args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
