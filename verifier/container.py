"""Run a program as a container would: a /dev/shm of its own size, as PID 1, under a CPU quota.

A fence declares what its program needs, `data-container="shm=64m"` (a tmpfs of
64 MiB at /dev/shm, as `docker run --shm-size=64m` gives), `pid1` (the program
is the first process of a new PID namespace, with its own /proc, as in a
container started without `--init`) or `cpus=0.5` (a cgroup CPU quota of half a
CPU, as `docker run --cpus=0.5`).  No library does this, so it is written here,
on top of util-linux's `unshare`:

    unshare --mount --propagation private --pid --fork --mount-proc \\
        python -I container.py <settings> -- python example.py

This module, run as that command's `container.py`, is the namespace's init
(PID 1): it moves itself into the cgroup the runner made, mounts the tmpfs,
starts the program and reaps every process of the namespace, as `docker run
--init` would.  When the program has ended it waits for the processes it left
(the resource tracker, which unlinks what the program forgot) for a while, then
writes what is still there, processes and /dev/shm entries, to a report the
runner reads: the namespace and its tmpfs vanish with the init, and the
runner's own checks could not see them.  With `pid1` the init execs the program
instead, which then is PID 1; when it ends the kernel kills whatever is left in
the namespace, as when a container stops, and nothing can report it.

Needs Linux, root and `unshare` and `mount` on `PATH` (and for `cpus=`, a cgroup
CPU controller this process may write); `unavailable()` says what is missing,
and the run is skipped with that reason.  Standard library only: the check kit
ships it, and the init runs in the interpreter under test (3.9 and newer).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

SETTING = re.compile(r"shm=(?P<shm>[1-9][0-9]*[km])|(?P<pid1>pid1)|cpus=(?P<cpus>[0-9]*\.?[0-9]+)")
"""One setting of `data-container`: `shm=64m`, `pid1` or `cpus=0.5`."""
PERIOD_US = 100_000
"""The CFS period of the quota (`cpu.cfs_period_us`, cgroup v2 `cpu.max`), Docker's too."""
PATIENCE = 5.0
"""Seconds the init waits, after the program ended, for the processes it left."""
SHM_PREFIXES = ("psm_", "sem.mp-")
"""What CPython leaves in /dev/shm (as `verifier.shm`; this module runs on its own)."""


def problems(settings: tuple[str, ...]) -> list[str]:
    """What is wrong with a fence's `data-container` settings (empty: nothing)."""
    found = [
        f"{s!r} is not shm=<size>m, pid1 or cpus=<n>" for s in settings if not SETTING.fullmatch(s)
    ]
    if "pid1" in settings and any(s.startswith("shm=") for s in settings):
        found.append(
            "pid1 cannot go with shm=: with the program as PID 1 nothing is left to check "
            "its private /dev/shm for what the run leaves behind"
        )
    if any(s.startswith("cpus=") and float(s[5:]) <= 0 for s in settings):
        found.append("cpus= takes a positive number of CPUs")
    return found


def describe(settings: tuple[str, ...]) -> str:
    """The settings as Docker's options say them, `--shm-size=64m · PID 1 ·
    --cpus=0.5`, for a page's mark (in either language) and for messages."""
    words = []
    for setting in settings:
        match = SETTING.fullmatch(setting)
        if match and match["shm"]:
            words.append(f"--shm-size={match['shm']}")
        elif match and match["pid1"]:
            words.append("PID 1")
        elif match:
            words.append(f"--cpus={match['cpus']}")
    return " · ".join(words)


# --- can this machine do it? ---------------------------------------------------
#
# The plan asks the interpreter under test (for Debian's builds, inside their
# root, where this file may not be), so it runs this module's source with
# `python -I -c <source> --probe <settings>`, which prints what is missing.


def cpu_controller() -> tuple[str, int] | None:
    """Where the cgroup CPU controller is mounted, and its cgroup version."""
    try:
        lines = Path("/proc/self/mountinfo").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        fields = line.split()
        kind, _, options = fields[fields.index("-") + 1 :][:3]
        if kind == "cgroup" and "cpu" in options.split(","):
            return fields[4], 1
        if kind == "cgroup2":
            try:
                if "cpu" in Path(fields[4], "cgroup.controllers").read_text().split():
                    return fields[4], 2
            except OSError:
                pass
    return None


def missing(settings: tuple[str, ...]) -> list[str]:
    """What this machine lacks to run a program with `settings`."""
    if not sys.platform.startswith("linux"):
        return ["Linux"]
    found = []
    if os.geteuid() != 0:
        found.append("root (namespaces and mounts)")
    found += [f"{p} on PATH" for p in ("unshare", "mount") if not shutil.which(p)]
    if any(s.startswith("cpus=") for s in settings):
        controller = cpu_controller()
        if controller is None or not os.access(controller[0], os.W_OK):
            found.append("a cgroup CPU controller it may write")
    return found


def unavailable(python: str, settings: tuple[str, ...]) -> str:
    """Why `python` cannot run a program with `settings` here, or `` if it can."""
    if not settings:
        return ""
    try:
        asked = subprocess.run(
            [python, "-I", "-c", Path(__file__).read_text(), "--probe", *settings],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
    except (OSError, subprocess.SubprocessError) as error:
        return f"cannot ask {python} whether it can run a container ({error})"
    lacking = [line for line in asked.stdout.splitlines() if line]
    if not lacking:
        return ""
    return f"needs {', '.join(lacking)} to run it as in a container ({describe(settings)})"


# --- the runner's side ---------------------------------------------------------


class Container:
    """What a run in a container needs around it: its command, cgroup and report."""

    def __init__(self, settings: tuple[str, ...], workdir: str):
        self.settings = settings
        self.report = Path(workdir + ".container.json")
        self.cgroup: Path | None = None
        cpus = [float(s[5:]) for s in settings if s.startswith("cpus=")]
        if cpus:
            self.cgroup = _make_cgroup(cpus[-1])

    def command(self, program: list[str]) -> list[str]:
        """`program` (an interpreter and its arguments) run as this container's."""
        # The init runs in this interpreter, which can see this file; `program`'s
        # may be a wrapper that runs it in another root (`devtools.pythons`).
        init = [sys.executable, "-I", str(Path(__file__)), "--report", str(self.report)]
        if self.cgroup:
            init += ["--cgroup", str(self.cgroup)]
        init += [s for s in self.settings if not s.startswith("cpus=")]
        # `private`, so that the tmpfs never shows in the machine's /dev/shm where
        # / is a shared mount (systemd's); in a chroot whose root is no mount point
        # (the Debian builds', `devtools.pythons`) util-linux cannot change it, and
        # the chroot's own namespace is private already.
        propagation = "private" if _root_is_a_mount() else "unchanged"
        unshare = ["unshare", "--mount", "--propagation", propagation]
        unshare += ["--pid", "--fork", "--mount-proc", "--"]
        return unshare + init + ["--"] + program

    def finish(self, exit_code: int) -> tuple[int, list[str], list[str]]:
        """After the run: its exit status as the program's, the processes and the
        /dev/shm entries the init found left behind; removes the cgroup."""
        found: dict = {}
        try:
            found = json.loads(self.report.read_text())
        except (OSError, ValueError):
            pass
        finally:
            self.report.unlink(missing_ok=True)
        if self.cgroup:
            _remove_cgroup(self.cgroup)
        if found.get("signal"):
            exit_code = -found["signal"]
        return exit_code, found.get("processes", []), found.get("shm", [])


def _root_is_a_mount() -> bool:
    """Whether this process's `/` is a mount point (not so in a chroot of a folder)."""
    try:
        lines = Path("/proc/self/mountinfo").read_text().splitlines()
    except OSError:
        return True
    return any(line.split()[4] == "/" for line in lines)


def _make_cgroup(cpus: float) -> Path:
    """A new cgroup with a CPU quota of `cpus` CPUs, under this process's controller."""
    controller = cpu_controller()
    if controller is None:
        raise RuntimeError("no cgroup CPU controller here (see verifier.container.unavailable)")
    mount, version = controller
    group = Path(mount, f"verifier-{uuid.uuid4().hex[:12]}")
    group.mkdir()
    quota = max(1000, round(cpus * PERIOD_US))
    if version == 1:
        (group / "cpu.cfs_period_us").write_text(str(PERIOD_US))
        (group / "cpu.cfs_quota_us").write_text(str(quota))
    else:
        (group / "cpu.max").write_text(f"{quota} {PERIOD_US}")
    return group


def _remove_cgroup(group: Path) -> None:
    """Remove the run's cgroup: its processes have all ended, but the kernel may
    take a moment to let go of the last one."""
    deadline = time.monotonic() + 5
    while True:
        try:
            group.rmdir()
            return
        except FileNotFoundError:
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.02)


# --- the init, inside the namespaces -------------------------------------------


def _init(argv: list[str]) -> int:
    split = argv.index("--")
    options, program = argv[:split], argv[split + 1 :]
    report = Path(options[options.index("--report") + 1])
    if "--cgroup" in options:
        group = Path(options[options.index("--cgroup") + 1])
        # Interpreted in this PID namespace: moves this process, and so its children.
        (group / "cgroup.procs").write_text(str(os.getpid()))
    shm = [o[4:] for o in options if o.startswith("shm=")]
    if shm:
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={shm[-1]},mode=1777", "tmpfs", "/dev/shm"],
            check=True,
        )
    if "pid1" in options:
        report.write_text(json.dumps({}))
        os.execvp(program[0], program)
    # Signals for the program reach it directly (the runner signals the process
    # group); the init only keeps running.  A handler, not SIG_IGN: exec resets
    # handlers to the default, so the program does not inherit it.
    for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, lambda *_: None)
    child = subprocess.Popen(program)
    status = _reap_until(child.pid, None)
    deadline = time.monotonic() + PATIENCE
    while _others() and time.monotonic() < deadline:
        _reap_until(None, 0.02)
    found = {
        "processes": [f"{pid}: {command}" for pid, command in _others()],
        "shm": sorted(n for n in os.listdir("/dev/shm") if n.startswith(SHM_PREFIXES))
        if shm
        else [],
    }
    if os.WIFSIGNALED(status):
        # PID 1 cannot die by its own signal: the runner makes it the exit status.
        found["signal"] = os.WTERMSIG(status)
        code = 128 + os.WTERMSIG(status)
    else:
        code = os.WEXITSTATUS(status)
    report.write_text(json.dumps(found))
    return code


def _reap_until(pid: int | None, seconds: float | None) -> int:
    """Reap children (the program, and the orphans the kernel gives PID 1) until
    `pid` ends, returning its status, or for `seconds`."""
    deadline = None if seconds is None else time.monotonic() + seconds
    while True:
        flags = 0 if deadline is None else os.WNOHANG
        try:
            ended, status = os.waitpid(-1, flags)
        except ChildProcessError:
            if deadline is None:
                raise
            time.sleep(max(0.0, deadline - time.monotonic()))
            return 0
        if pid is not None and ended == pid:
            return status
        if deadline is not None and ended == 0:
            if time.monotonic() >= deadline:
                return 0
            time.sleep(0.005)


def _others() -> list[tuple[int, str]]:
    """The namespace's live processes but this one: pid and command line."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            stat = Path("/proc", entry, "stat").read_text()
            command = Path("/proc", entry, "cmdline").read_bytes()
        except OSError:
            continue
        if stat.rsplit(")", 1)[1].split()[0] == "Z":  # ended, not yet reaped
            continue
        found.append((int(entry), command.replace(b"\0", b" ").decode(errors="replace").strip()))
    return found


if __name__ == "__main__":
    if sys.argv[1:2] == ["--probe"]:
        print("\n".join(missing(tuple(sys.argv[2:]))))
    else:
        sys.exit(_init(sys.argv[1:]))
