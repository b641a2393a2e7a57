"""Run a program the way a reader does: `python example.py` in a terminal.

Each run gets a fresh interpreter in a fresh temporary directory.  Standard
output goes to a pseudo-terminal, so Python line-buffers it exactly as in the
reader's terminal and every process, parent or child, writes its lines in the
order they happen.  (With a pipe, each process would instead hold its output
until it exits and the order on the page would be an artefact of buffering.)
Standard error goes to a separate pipe, so that anything written there, such
as a `resource_tracker` warning, is caught even when the page shows none.

The start method is forced from outside the program: `sitecustomize` in
`verifier/_startup/` changes multiprocessing's *default* method when
`VERIFIER_START_METHOD` is set, so the program runs unmodified, a traceback
looks exactly as the reader's, and a program that picks its own method with
`set_start_method()` still can.

The run ends when the main process and every process still holding its
stdout or stderr are gone, or at the timeout, when the whole process group is
killed.  Processes that outlive the run, and POSIX shared memory or semaphores
left in /dev/shm, are reported as failures.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from verifier import processes, shm
from verifier.container import Container

STARTUP_DIR = Path(__file__).with_name("_startup")
"""Directory put on PYTHONPATH so its `sitecustomize` forces the start method."""

DEFAULT_TIMEOUT = 30.0
"""Seconds a run may take before its process tree is killed."""


def _can_open_pty() -> bool:
    try:
        main, terminal = os.openpty()  # missing on Windows, may fail in containers
    except (AttributeError, OSError):
        return False
    os.close(main)
    os.close(terminal)
    return True


HAVE_PTY = _can_open_pty()
"""Whether stdout can be a pseudo-terminal here; if not, runs use a pipe."""


@dataclass
class RunResult:
    """Everything observable about one run."""

    stdout: str
    """Everything written to standard output, by the program and its children."""
    stderr: str
    """Everything written to standard error, by the program and its children."""
    exit_code: int | None
    """Exit status of the main process (negative: killed by that signal)."""
    timed_out: bool = False
    """Whether the run was killed at the timeout."""
    survivors: list[str] = field(default_factory=list)
    """Processes of the run still alive after it ended (they were killed)."""
    leaked: list[str] = field(default_factory=list)
    """Entries the run left in /dev/shm (shared memory, semaphores)."""
    seconds: float = 0.0
    """Wall time of the run, from start to the end of the checks for leftovers."""
    pid: int = 0
    """Process id of the main process, which is also its process group id."""


def sigint_as_in_a_terminal() -> None:
    """Make sure the program does not start with SIGINT ignored.

    In a reader's terminal SIGINT has its default action, and Python turns it
    into `KeyboardInterrupt`.  A shell without job control starts a background
    job (`cmd &`, `nohup`, some CI runners) with SIGINT ignored; an ignored
    signal stays ignored across fork and exec, Python then leaves it so, and a
    program that relies on it, such as one using `Process.interrupt()`, hangs.
    exec resets a *handled* signal to its default, so giving this process
    Python's usual handler gives every run the terminal's disposition.
    """
    if os.name == "nt" or signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
        return
    if threading.current_thread() is not threading.main_thread():
        raise RuntimeError(
            "verifier: SIGINT is ignored in this process (started in the background?) "
            "and can be restored only from the main thread; run the tests in the "
            "foreground, or call run_program() or this function from the main thread first"
        )
    signal.signal(signal.SIGINT, signal.default_int_handler)


def run_dir_prefix() -> str:
    """Prefix of the temporary directories runs happen in.

    It names the test session (`VERIFIER_SESSION`, set by `verifier.pytest_plugin`),
    so that processes left behind can be traced to the session that started them
    even when several sessions run at once.
    """
    return f"verifier-{os.environ.get('VERIFIER_SESSION', '')}-"


def run_environment(start_method: str | None, *, unbuffered: bool = False) -> dict[str, str]:
    """A small, explicit environment, so runs do not depend on the caller's.

    In particular a caller's PYTHONUNBUFFERED or PYTHONWARNINGS never leaks in.
    """
    keep = ("PATH", "HOME", "SYSTEMROOT", "WINDIR", "TEMP", "TMP", "TMPDIR", "COMSPEC")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env.update(
        LANG="C.UTF-8",
        PYTHONUTF8="1",  # the same encoding everywhere, Windows included
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONPATH=str(STARTUP_DIR),
        # Plain text, no colours (3.13 colours tracebacks on a terminal).
        NO_COLOR="1",
        PYTHON_COLORS="0",
        TERM="dumb",
        COLUMNS="80",
        LINES="24",
    )
    if start_method:
        env["VERIFIER_START_METHOD"] = start_method
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    return env


def write_program(
    workdir: str, filename: str, code: str, files: Mapping[str, bytes] | None = None
) -> None:
    """Save the program, and the files it needs next to it, into `workdir`."""
    Path(workdir, filename).write_text(code, encoding="utf-8")
    for name, content in (files or {}).items():
        Path(workdir, name).write_bytes(content)


def run_program(
    code: str,
    *,
    filename: str = "example.py",
    start_method: str | None = None,
    python: str = sys.executable,
    timeout: float = DEFAULT_TIMEOUT,
    stdout_mode: str | None = None,
    on_phase: Callable[[str, float], None] | None = None,
    files: Mapping[str, bytes] | None = None,
    container: tuple[str, ...] = (),
) -> RunResult:
    """Save `code` as `filename` in a new directory and run `python filename`.

    Args:
        code: The program text, as a reader would paste it into a file.
        filename: Name of the file; shows up in tracebacks.
        start_method: `fork`, `spawn` or `forkserver` to force as the default
            start method, or `None` for the platform's default.
        python: The interpreter to run.
        timeout: Seconds before the whole process tree is killed.
        stdout_mode: `pty` (default where available): stdout is a terminal, as
            for a reader; `pipe`: stdout is a pipe, as in `python file.py > out.txt`
            (block-buffered); `unbuffered-pipe` (the default where no pty can be
            opened, as on Windows): a pipe with `PYTHONUNBUFFERED=1`, which, like a
            terminal, shows every line when it is printed.
        on_phase: Called with the name and seconds of each step as it ends
            (`setup`, `run`, `survivors`, `shm`, `cleanup`), for a caller that
            measures where the time goes (`devtools/verifier_overhead.py`).
        files: Other files to save next to the program first (name -> content),
            such as C source the program compiles.
        container: The fence's `data-container` settings: run the program as in a
            container, with a /dev/shm of its own size, as PID 1 or under a CPU
            quota (`verifier.container`).

    Returns:
        The run's output, exit status and anything it left behind.
    """
    stdout_mode = stdout_mode or ("pty" if HAVE_PTY else "unbuffered-pipe")
    sigint_as_in_a_terminal()
    lap = _Laps(on_phase)
    with tempfile.TemporaryDirectory(prefix=run_dir_prefix()) as workdir:
        write_program(workdir, filename, code, files)
        shm_before = shm.shm_entries()
        started = time.monotonic()
        env = run_environment(start_method, unbuffered=stdout_mode == "unbuffered-pipe")
        args = [python, filename]
        box = Container(container, workdir) if container else None
        if box:
            args = box.command(args)
        process, readers = _start(args, workdir, env, stdout_mode == "pty")
        lap("setup")
        timed_out = _wait(process, readers, started + timeout)
        if timed_out:
            _kill(process, readers)
        lap("run")
        survivors = processes.survivors(process)
        lap("survivors")
        seconds = time.monotonic() - started
        leaked = [] if timed_out else shm.shm_leaks(shm_before, patience=timeout)
        lap("shm")
        exit_code = process.returncode
        if box:
            exit_code, left, left_in_shm = box.finish(exit_code)
            survivors += left
            leaked += [f"{entry} (the container's own /dev/shm)" for entry in left_in_shm]
    lap("cleanup")
    return RunResult(
        stdout=as_shown(readers[0].text()),
        stderr=as_shown(readers[1].text()),
        exit_code=exit_code,
        timed_out=timed_out,
        survivors=survivors,
        leaked=leaked,
        seconds=seconds,
        pid=process.pid,
    )


def as_shown(text: str, windows: bool = os.name == "nt") -> str:
    """A run's output as the page shows it.  On Windows, Python writes each line
    end of a text stream as `"\r\n"`, which a console shows as the line break
    that a page's `"\n"` stands for, so there it is read as `"\n"`.  A lone
    `"\r"`, as a progress bar writes it, stays."""
    return text.replace("\r\n", "\n") if windows else text


class _Laps:
    """Reports the time since the previous lap to `report`, if there is one."""

    def __init__(self, report: Callable[[str, float], None] | None):
        self._report = report
        self._last = time.monotonic()

    def __call__(self, phase: str) -> None:
        now = time.monotonic()
        if self._report:
            self._report(phase, now - self._last)
        self._last = now


def _start(
    args: list[str], workdir: str, env: dict[str, str], pty: bool
) -> tuple[subprocess.Popen, list[_Reader]]:
    """Start `args` in a process group of its own, stdout on a pty or a pipe,
    stderr on a pipe, each read by a thread until EOF."""
    out_read, out_write = _open_pty() if pty else os.pipe()
    err_read, err_write = os.pipe()
    try:
        process = subprocess.Popen(
            args,
            cwd=workdir,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out_write,
            stderr=err_write,
            **processes.new_process_group(),
        )
    except BaseException:
        os.close(out_read)
        os.close(err_read)
        raise
    finally:
        # Only the child may hold the write ends, or EOF never comes.
        os.close(out_write)
        os.close(err_write)
    return process, [_Reader(out_read), _Reader(err_read)]


def _wait(process: subprocess.Popen, readers: list[_Reader], deadline: float) -> bool:
    """Wait for EOF on both streams and for the process to end; whether the
    deadline passed first."""
    timed_out = not all(r.wait(deadline) for r in readers)
    try:
        process.wait(max(0.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        timed_out = True
    return timed_out


def _kill(process: subprocess.Popen, readers: list[_Reader]) -> None:
    """Kill a run that timed out, with its whole process group."""
    in_use = shm.shm_in_use(process.pid)
    processes.kill_group(process)
    process.wait()
    for reader in readers:
        reader.wait(time.monotonic() + 5)
    # The kill took the resource tracker with it; clean up for it (the timeout
    # is the failure to report, not these).
    shm.remove_shm(in_use)


def _open_pty() -> tuple[int, int]:
    import termios  # POSIX only

    main, terminal = os.openpty()
    # Keep "\n" as "\n": a terminal driver would otherwise send "\r\n".
    attrs = termios.tcgetattr(terminal)
    attrs[1] &= ~termios.OPOST
    termios.tcsetattr(terminal, termios.TCSANOW, attrs)
    return main, terminal


class _Reader:
    """Drain one file descriptor on a thread until EOF (works for pipes and ptys)."""

    def __init__(self, fd: int):
        self._fd = fd
        self._chunks: list[bytes] = []
        self._thread = threading.Thread(target=self._drain, daemon=True)
        self._thread.start()

    def _drain(self) -> None:
        try:
            while True:
                try:
                    chunk = os.read(self._fd, 65536)
                except OSError:  # EIO: a pty whose last writer has gone
                    break
                if not chunk:
                    break
                self._chunks.append(chunk)
        finally:
            os.close(self._fd)

    def wait(self, deadline: float) -> bool:
        self._thread.join(max(0.0, deadline - time.monotonic()))
        return not self._thread.is_alive()

    def text(self) -> str:
        return b"".join(self._chunks).decode("utf-8", errors="backslashreplace")
