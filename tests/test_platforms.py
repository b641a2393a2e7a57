"""A program that cannot run as shown on Windows says so on its page.

The pages promise that a program runs as shown everywhere unless its fence
lists the platforms it runs on (`data-platforms="linux macos"`, see
`verifier.pages`).  The site's own runs are on Linux only, so nothing else
would notice a program that fails, or prints something else, on Windows.
This test reads every program under `examples/` (its syntax tree, not its
text) and looks for what Windows lacks or does differently:

* `os.kill()` (or `Popen.send_signal()`) with a signal other than `SIGTERM`,
  `CTRL_C_EVENT` or `CTRL_BREAK_EVENT`: on Windows any other value
  terminates the process with that exit code
  (https://docs.python.org/3/library/os.html#os.kill);
* a `signal.SIG...` that Windows does not define (`SIGKILL`, `SIGUSR1`, ...);
* `.kill()` on a process: on Windows it is `terminate()`, so the exit code
  is `-15` (multiprocessing) or `1` (subprocess), not `-9`;
* `get_context()` / `set_start_method()` with `"fork"` or `"forkserver"`,
  written there or in a literal collection the program loops over: Windows
  has only `spawn`;
* `Process.interrupt()` (3.14+; Windows' `Popen` has no `interrupt()`);
* POSIX-only functions and modules (`os.fork`, `os.killpg`, `os.setsid`,
  `signal.pause`, `fcntl`, `resource`, ...), `prctl`, paths under `/dev/shm`
  or `/proc`, and the `AF_UNIX` family of `multiprocessing.connection`.

A program it finds must leave Windows out of its `data-platforms` on every
page that shows it, or be listed in `PORTABLE` with the reason it runs as
shown on Windows anyway; that reason must be said on the pages that show it,
in each language (the sentence given there must appear in the page).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from verifier.catalog import REPO_ROOT, site_catalog

WINDOWS_SIGNALS = {
    "SIGABRT", "SIGFPE", "SIGILL", "SIGINT", "SIGSEGV", "SIGTERM", "SIGBREAK",
    "SIG_DFL", "SIG_IGN", "CTRL_C_EVENT", "CTRL_BREAK_EVENT",
}  # fmt: skip
"""The names of `signal` that exist on Windows (https://docs.python.org/3/library/signal.html)."""

SENDABLE = {"SIGTERM", "CTRL_C_EVENT", "CTRL_BREAK_EVENT"}
"""The signals `os.kill()` and `Popen.send_signal()` deliver as such on Windows."""

POSIX_ONLY = {
    "os": {
        "fork", "forkpty", "killpg", "setsid", "getsid", "getpgid", "setpgid",
        "getpgrp", "setpgrp", "register_at_fork", "sched_getaffinity", "sched_setaffinity",
        "getuid", "geteuid", "getgid", "getegid", "uname", "mkfifo", "wait", "wait3",
        "wait4", "WIFSIGNALED", "WTERMSIG", "pidfd_open", "posix_spawn",
    },
    "signal": {
        "pause", "alarm", "setitimer", "getitimer", "siginterrupt", "sigwait",
        "pthread_kill", "pthread_sigmask", "sigtimedwait", "sigwaitinfo", "pidfd_send_signal",
    },
}  # fmt: skip
"""Functions of the standard library that Windows does not have."""

POSIX_MODULES = {"fcntl", "resource", "pwd", "grp", "termios", "tty", "pty", "posix", "syslog"}
"""Modules of the standard library that Windows does not have."""

POSIX_METHODS = {"fork", "forkserver"}
"""Start methods that Windows does not have (it has only `spawn`)."""

ALL_METHODS = {"fork", "spawn", "forkserver"}

POSIX_PATHS = ("/dev/shm", "/proc/")
"""Paths that exist on Linux only."""

PORTABLE: dict[str, dict[str, str]] = {}
"""Programs this test would flag that run as shown on Windows all the same:
example file -> {language: a sentence of each page that shows it, saying why}."""


def _dotted(node: ast.AST) -> str:
    """`os.kill` for the expression `os.kill`, `` for anything not a dotted name."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else ""
    return ""


def _signal_name(node: ast.AST) -> str | None:
    """`SIGINT` for `signal.SIGINT` or `SIGINT`, `2` for a number, None otherwise."""
    name = _dotted(node).rsplit(".", 1)[-1]
    if name.startswith(("SIG", "CTRL_")):
        return name
    if isinstance(node, ast.Constant) and isinstance(node.value, int):
        return str(node.value)
    return None


class _Finder(ast.NodeVisitor):
    """Collects `line: reason` for everything in one program that Windows lacks."""

    def __init__(self, tree: ast.Module) -> None:
        self.found: list[str] = []
        # Names bound (by `for x in (...)`, `x = [...]`, or a comprehension) to a
        # literal collection of strings, and every string in such collections.
        self.collections: dict[str, set[str]] = {}
        # Whether the program reads an exit code (which `.kill()` changes on Windows).
        self.exit_codes = any(
            isinstance(node, ast.Attribute) and node.attr in {"exitcode", "returncode"}
            for node in ast.walk(tree)
        )
        for node in ast.walk(tree):
            if isinstance(node, (ast.For, ast.comprehension)):
                methods = self._strings(node.iter)
                if methods & POSIX_METHODS and len(methods & ALL_METHODS) > 1:
                    self._add(
                        node.iter,
                        f"loops over the start methods {sorted(methods & ALL_METHODS)}: "
                        "Windows has only spawn",
                    )
            targets: list[ast.AST] = []
            value = None
            if isinstance(node, (ast.For, ast.comprehension)):
                targets, value = [node.target], node.iter
            elif isinstance(node, ast.Assign):
                targets, value = node.targets, node.value
            strings = self._strings(value)
            for target in targets:
                if isinstance(target, ast.Name) and strings:
                    self.collections.setdefault(target.id, set()).update(strings)

    @staticmethod
    def _strings(node: ast.AST | None) -> set[str]:
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            return {
                e.value
                for e in node.elts
                if isinstance(e, ast.Constant) and isinstance(e.value, str)
            }
        return set()

    def _add(self, node: ast.AST, reason: str) -> None:
        self.found.append(f"line {node.lineno}: {reason}")

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name.split(".")[0] in POSIX_MODULES:
                self._add(node, f"import {alias.name} (not on Windows)")

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = (node.module or "").split(".")[0]
        if module in POSIX_MODULES:
            self._add(node, f"from {node.module} import ... (not on Windows)")
        for alias in node.names:
            if alias.name in POSIX_ONLY.get(module, ()):
                self._add(node, f"from {module} import {alias.name} (not on Windows)")
            if (
                module == "signal"
                and alias.name.startswith("SIG")
                and (alias.name not in WINDOWS_SIGNALS)
            ):
                self._add(node, f"signal.{alias.name} (not on Windows)")

    def visit_Attribute(self, node: ast.Attribute) -> None:
        name = _dotted(node)
        module, _, attr = name.rpartition(".")
        if module in POSIX_ONLY and attr in POSIX_ONLY[module]:
            self._add(node, f"{name} (not on Windows)")
        if module == "signal" and attr.startswith("SIG") and attr not in WINDOWS_SIGNALS:
            self._add(node, f"{name} (not on Windows)")
        if attr == "prctl":
            self._add(node, f"{name} (Linux only)")
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str):
            for path in POSIX_PATHS:
                if path in node.value:
                    self._add(node, f"the path {node.value!r} (Linux only)")
            if node.value == "AF_UNIX":
                self._add(node, "the AF_UNIX family (not on Windows)")
            if node.value == "prctl":
                self._add(node, "prctl (Linux only)")
            for problem in _embedded_problems(node.value):
                self._add(node, f"in the program in this string, {problem}")

    def visit_Call(self, node: ast.Call) -> None:
        name = _dotted(node.func)
        attr = name.rpartition(".")[2] or getattr(node.func, "attr", "")
        if attr in {"kill", "send_signal"} and (name != "os.kill" or len(node.args) == 2):
            arguments = node.args[1:] if name == "os.kill" else node.args
            if attr == "kill" and name != "os.kill" and not node.args and self.exit_codes:
                self._add(node, ".kill() is terminate() on Windows: another exit code")
            for argument in arguments:
                signal = _signal_name(argument)
                if signal not in SENDABLE:
                    self._add(
                        node,
                        f"{name or attr}(..., {ast.unparse(argument)}): on Windows a "
                        "signal other than SIGTERM, CTRL_C_EVENT or CTRL_BREAK_EVENT "
                        "terminates the process",
                    )
        if attr == "interrupt" and not node.args:
            self._add(node, ".interrupt(): no Process.interrupt() on Windows")
        if attr in {"get_context", "set_start_method"} and node.args:
            method = node.args[0]
            if isinstance(method, ast.Constant):
                methods = {method.value}
            else:  # a name bound to a collection of names, an item of one, ...
                methods = self._strings(method).union(
                    *(
                        self.collections.get(n.id, set())
                        for n in ast.walk(method)
                        if isinstance(n, ast.Name)
                    )
                )
            if methods & POSIX_METHODS:
                self._add(
                    node,
                    f"{attr}({ast.unparse(method)}) with {sorted(methods & POSIX_METHODS)}: "
                    "Windows has only spawn",
                )
        self.generic_visit(node)


def _embedded_problems(text: str) -> list[str]:
    """What a program held in a string (run with `python -c`, or written to a
    file and run) does that Windows lacks; nothing for a string that is not one."""
    if "\n" not in text or "import" not in text:
        return []
    try:
        return windows_problems(text)
    except SyntaxError:
        return []


def windows_problems(code: str) -> list[str]:
    """What in `code` does not exist, or behaves differently, on Windows."""
    tree = ast.parse(code)
    finder = _Finder(tree)
    finder.visit(tree)
    return sorted(set(finder.found), key=lambda s: int(s.split()[1].rstrip(":")))


def _platforms(file: str) -> list[tuple[str, tuple[str, ...]]]:
    """(page, platforms) for every place the site shows `file`."""
    return [
        (shown.fence.where, shown.platforms)
        for example in site_catalog().examples
        if example.file == file
        for shown in example.shown
    ]


PROGRAMS = sorted(
    p.relative_to(REPO_ROOT).as_posix() for p in (REPO_ROOT / "examples").rglob("*.py")
)


@pytest.mark.parametrize("file", PROGRAMS, ids=[f.removeprefix("examples/") for f in PROGRAMS])
def test_programs_that_differ_on_windows_say_so(file: str) -> None:
    problems = windows_problems((REPO_ROOT / file).read_text(encoding="utf-8"))
    if not problems or file in PORTABLE:
        return
    unmarked = [
        where for where, platforms in _platforms(file) if "windows" in platforms or not platforms
    ]
    assert not unmarked, (
        f"{file} does not run as shown on Windows:\n  "
        + "\n  ".join(problems)
        + f"\nbut these fences do not leave Windows out of data-platforms: {unmarked}"
        '\n(add data-platforms="linux macos" and say on the page what Windows does, '
        "or list it in PORTABLE with the reason)"
    )


def test_portable_programs_say_why_on_their_pages() -> None:
    """An exception to the rule above is explained where the program is shown."""
    wrong = []
    for file, reasons in PORTABLE.items():
        if not windows_problems((REPO_ROOT / file).read_text(encoding="utf-8")):
            wrong.append(f"{file} is in PORTABLE but nothing in it is flagged: remove it")
        for where, _ in _platforms(file):
            page = Path(where.rsplit(":", 1)[0])
            reason = reasons.get(page.parts[1], "")
            if not reason or reason not in (REPO_ROOT / page).read_text(encoding="utf-8"):
                wrong.append(f"{page} does not say why {file} runs as shown on Windows")
    assert not wrong, "\n".join(wrong)


FLAGGED = {
    "import os, signal\nos.kill(pid, signal.SIGINT)": "os.kill(..., signal.SIGINT)",
    "import os\nos.kill(pid, 9)": "os.kill(..., 9)",
    "import signal\np.send_signal(signal.SIGKILL)": "signal.SIGKILL",
    "from signal import SIGUSR1": "signal.SIGUSR1",
    "p.kill()\nprint(p.exitcode)": ".kill() is terminate()",
    "p.interrupt()": ".interrupt()",
    "import os\nos.fork()": "os.fork",
    "import os\nos.killpg(os.getpgid(0), 15)": "os.killpg",
    "import os\nos.setsid()": "os.setsid",
    "import signal\nsignal.pause()": "signal.pause",
    "import signal\nsignal.alarm(1)": "signal.alarm",
    "import signal\nsignal.setitimer(signal.ITIMER_REAL, 1)": "signal.setitimer",
    "import fcntl": "import fcntl",
    "import resource": "import resource",
    "import pwd": "import pwd",
    "import termios": "import termios",
    "libc.prctl(1, 15)": "prctl",
    "open('/dev/shm/' + name)": "/dev/shm",
    "open(f'/proc/{pid}/stat')": "/proc/",
    "import multiprocessing as mp\nmp.get_context('fork')": "get_context('fork')",
    "import multiprocessing as mp\nmp.set_start_method('forkserver')": "set_start_method",
    "for m in ('fork', 'spawn'):\n    ctx = mp.get_context(m)": "get_context(m)",
    "methods = ['spawn', 'forkserver']\nmp.get_context(methods[0])": "",
    "for m in ['fork', 'spawn']:\n    run([sys.executable, 'x.py', m])": "loops over",
    'CODE = """\nimport os\nos.fork()\n"""': "in the program in this string",
    "Listener(family='AF_UNIX')": "AF_UNIX",
}
"""Small programs, each with (part of) the problem the guard must report for
it; an empty string accepts any problem."""

NOT_FLAGGED = [
    "import os, signal\nos.kill(pid, signal.SIGTERM)",
    "import signal\nsignal.signal(signal.SIGINT, handler)",
    "p.terminate()\np.kill()",  # no exit code read: the output is the same
    "import multiprocessing as mp\nmp.get_context('spawn')",
    "import signal\np.send_signal(signal.CTRL_C_EVENT)",
    "TEXT = 'fork and forkserver are start methods'",
]


@pytest.mark.parametrize("code", FLAGGED)
def test_the_guard_finds(code: str) -> None:
    found = windows_problems(code)
    assert any(FLAGGED[code] in problem for problem in found), found


@pytest.mark.parametrize("code", NOT_FLAGGED)
def test_the_guard_lets_pass(code: str) -> None:
    assert windows_problems(code) == []
