"""Find what a run leaves behind: live processes and POSIX IPC names in /dev/shm.

Every run starts in a process group of its own, so everything it starts can
be found and killed together; processes that deliberately leave the group
(`setsid`) are out of reach, and no example does that.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

SHM_DIR = Path("/dev/shm")
# Names CPython gives SharedMemory blocks (psm_*) and multiprocessing
# semaphores (sem.mp-*) on Linux; other programs' entries are none of ours.
SHM_PREFIXES = ("psm_", "sem.mp-")


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
    """Poll until the group has no live member or `seconds` pass; return those left."""
    deadline = time.monotonic() + seconds
    while (alive := group_members(pgid)) and time.monotonic() < deadline:
        time.sleep(0.02)
    return alive


def group_members(pgid: int) -> list[str]:
    """Live (non-zombie) processes of a process group, described for a report."""
    if not Path("/proc").is_dir():  # macOS: ask the kernel whether the group has members
        try:
            os.killpg(pgid, 0)
        except (ProcessLookupError, PermissionError):
            return []
        return [f"process group {pgid}"]
    members = []
    for entry in _live_members(pgid):
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        command = cmdline.replace(b"\0", b" ").decode(errors="replace").strip()
        members.append(f"pid {entry.name}: {command}")
    return sorted(members)


def _live_members(pgid: int) -> list[Path]:
    """/proc entries of the group's processes that are not zombies (Linux)."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # "pid (comm) state ppid pgrp ..."; comm may contain spaces.
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.append(entry)
    return members


def shm_in_use(pgid: int) -> set[str]:
    """Our /dev/shm entries mapped by the group's processes (Linux).

    Called just before a run is killed: killing it also kills the resource
    tracker that would have unlinked them, so they are known to be this run's
    and are removed by `remove_shm` afterwards.
    """
    if not Path("/proc").is_dir():
        return set()
    names = set()
    for entry in _live_members(pgid):
        try:
            maps = (entry / "maps").read_text()
        except OSError:
            continue
        for line in maps.splitlines():
            path = line.split(maxsplit=5)[-1]
            if path.startswith(f"{SHM_DIR}/") and Path(path).name.startswith(SHM_PREFIXES):
                names.add(Path(path).name)
    return names


def remove_shm(names: set[str]) -> list[str]:
    """Unlink those of `names` still in /dev/shm; return them."""
    removed = []
    for name in sorted(names):
        try:
            (SHM_DIR / name).unlink()
        except FileNotFoundError:
            continue
        removed.append(name)
    return removed


def shm_entries() -> set[str]:
    """Names of CPython's shared memory blocks and semaphores now in /dev/shm."""
    if not SHM_DIR.is_dir():
        return set()
    return {p.name for p in SHM_DIR.iterdir() if p.name.startswith(SHM_PREFIXES)}


def shm_leaks(before: set[str], patience: float) -> list[str]:
    """Entries that appeared since `before` and do not go away.

    Runs may overlap (pytest-xdist), so an entry that appeared meanwhile can
    belong to another run that is still going.  Such entries vanish when that
    run ends; an entry still there after `patience` seconds is a leak.
    """
    deadline = time.monotonic() + patience
    while True:
        new = shm_entries() - before
        if not new or time.monotonic() > deadline:
            return sorted(new)
        time.sleep(0.1)


def leftover_runs(dir_prefix: str = "verifier-") -> list[str]:
    """Processes still running in a run directory named `dir_prefix...` (Linux only)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return []
    found = []
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cwd = os.readlink(entry / "cwd")
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if f"/{dir_prefix}" in cwd:
            command = cmdline.replace(b"\0", b" ").decode(errors="replace").strip()
            found.append(f"pid {entry.name} in {cwd}: {command}")
    return sorted(found)
