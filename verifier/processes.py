"""Process groups: start a run in one, find what is still alive in it, kill it.

Every run starts in a process group of its own, so everything it starts can
be found and killed together; processes that deliberately leave the group
(`setsid`) are out of reach, and no example does that.  `/proc` is read on
Linux; elsewhere the checks do what the platform allows.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

PROC = Path("/proc")


def command_line(pid: int | str) -> str | None:
    """The command line of process `pid`, its arguments joined by spaces, as
    `/proc` has it (Linux); `None` if it has ended or cannot be read."""
    try:
        raw = (PROC / str(pid) / "cmdline").read_bytes()
    except OSError:
        return None
    return raw.replace(b"\0", b" ").decode(errors="replace").strip()


def processes_with(marker: str) -> list[str]:
    """`pid: command line` of every running process whose command line holds `marker`."""
    found = []
    for pid in pids():
        command = command_line(pid)
        if command is not None and marker in command:
            found.append(f"{pid}: {command[:200]}")
    return found


def new_process_group() -> dict:
    """Popen arguments that start the program in a new process group."""
    if os.name == "nt":
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    return {"start_new_session": True}


def kill_group(process: subprocess.Popen) -> None:
    """Kill the program and everything in its process group."""
    if os.name == "nt":
        subprocess.run(
            ["taskkill", "/F", "/T", "/PID", str(process.pid)],
            capture_output=True,
            check=False,
        )
        return
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def survivors(process: subprocess.Popen, grace: float = 2.0) -> list[str]:
    """Processes of the run's group still alive `grace` seconds after it ended.

    They are killed before returning; the list describes them for the report.
    """
    if os.name == "nt":
        return []  # no process groups to inspect; Windows CI relies on timeouts
    alive = _wait_until_gone(process.pid, grace)
    if alive:
        kill_group(process)
        _wait_until_gone(process.pid, 5)  # SIGKILL takes effect asynchronously
    return alive


def _wait_until_gone(pgid: int, seconds: float) -> list[str]:
    """Poll until the group has no live member or `seconds` pass; return those left.

    The pauses start short and grow: the last processes of a run that has just
    closed its output are usually gone within a few milliseconds.
    """
    deadline = time.monotonic() + seconds
    pause = 0.001
    while (alive := group_members(pgid)) and time.monotonic() < deadline:
        time.sleep(pause)
        pause = min(pause * 2, 0.02)
    return alive


def group_members(pgid: int) -> list[str]:
    """Live (non-zombie) processes of a process group, described for a report."""
    try:
        os.killpg(pgid, 0)  # cheap: fails when the group has no member at all
    except ProcessLookupError:
        return []
    except PermissionError:
        if not PROC.is_dir():
            return []
    if not PROC.is_dir():  # macOS: the kernel says the group has members
        return [f"process group {pgid}"]
    members = []
    for pid in live_members(pgid):
        command = command_line(pid)
        if command is not None:
            members.append(f"pid {pid}: {command}")
    return sorted(members)


def pids() -> list[str]:
    """Every process id in /proc, newest first (Linux)."""
    return sorted((name for name in os.listdir(PROC) if name.isdigit()), key=int, reverse=True)


def live_members(pgid: int) -> list[str]:
    """Ids of the group's processes that are not zombies (Linux)."""
    members = []
    for pid in pids():
        try:
            with open(f"/proc/{pid}/stat", "rb") as file:
                stat = file.read()
        except OSError:
            continue
        # "pid (comm) state ppid pgrp ..."; comm may contain spaces.
        fields = stat.rsplit(b")", 1)[1].split()
        if int(fields[2]) == pgid and fields[0] != b"Z":
            members.append(pid)
    return members


def leftover_runs(dir_prefix: str) -> list[str]:
    """Processes still running in a run directory named `dir_prefix...` (Linux only)."""
    proc = PROC
    if not proc.is_dir():
        return []
    found = []
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cwd = os.readlink(entry / "cwd")
        except OSError:
            continue
        command = command_line(entry.name)
        if f"/{dir_prefix}" in cwd and command is not None:
            found.append(f"pid {entry.name} in {cwd}: {command}")
    return sorted(found)
