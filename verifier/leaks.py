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
_PROC = Path("/proc")


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
        if not _PROC.is_dir():
            return []
    if not _PROC.is_dir():  # macOS: the kernel says the group has members
        return [f"process group {pgid}"]
    members = []
    for pid in _live_members(pgid):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as file:
                cmdline = file.read()
        except OSError:
            continue
        command = cmdline.replace(b"\0", b" ").decode(errors="replace").strip()
        members.append(f"pid {pid}: {command}")
    return sorted(members)


def _pids() -> list[str]:
    """Every process id in /proc, newest first (Linux)."""
    return sorted((name for name in os.listdir(_PROC) if name.isdigit()), key=int, reverse=True)


def _live_members(pgid: int) -> list[str]:
    """Ids of the group's processes that are not zombies (Linux)."""
    members = []
    for pid in _pids():
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


def _mapped(names: set[str], pids: list[str]) -> set[str]:
    """Those of `names` (entries of /dev/shm) that one of the processes `pids` has
    mapped (Linux); stops reading as soon as every entry is accounted for.

    Entries are matched by device and inode, not by name: the process that
    creates a semaphore maps it under a temporary name it then renames.
    """
    wanted: dict[tuple[int, int], str] = {}
    for name in names:
        try:
            info = os.stat(SHM_DIR / name)
        except OSError:  # gone meanwhile
            continue
        wanted[(info.st_dev, info.st_ino)] = name
    found: set[str] = set()
    # Not " /dev/shm/": an interpreter run in a chroot (the Debian builds, see
    # verifier.pythons) shows its mappings under the root's path, such as
    # ".../debian-sid/dev/shm/sem.mp-...", and only the inode tells them apart.
    marker = f"{SHM_DIR}/".encode()
    for pid in pids:
        if len(found) == len(wanted):
            break
        try:
            with open(f"/proc/{pid}/maps", "rb") as file:
                maps = file.read()
        except OSError:  # gone, or another user's process
            continue
        if marker not in maps:
            continue
        for line in maps.splitlines():
            if marker not in line:
                continue
            # "address perms offset major:minor inode path"
            _, _, _, device, inode, _ = line.split(maxsplit=5)
            major, minor = (int(part, 16) for part in device.split(b":"))
            name = wanted.get((os.makedev(major, minor), int(inode)))
            if name:
                found.add(name)
    return found


def shm_in_use(pgid: int) -> set[str]:
    """Our /dev/shm entries mapped by the group's processes (Linux).

    Called just before a run is killed: killing it also kills the resource
    tracker that would have unlinked them, so they are known to be this run's
    and are removed by `remove_shm` afterwards.
    """
    if not _PROC.is_dir():
        return set()
    return _mapped(shm_entries(), _live_members(pgid))


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
    """Entries that appeared since `before`, that no live process has mapped, and
    that do not go away.

    Call it once the run's processes are all gone.  Runs may overlap
    (pytest-xdist, other sessions, other programs on the machine), so an entry
    that appeared meanwhile can belong to another program that is still going:
    an entry a live process has mapped is that process's (Linux), and any other
    entry of a program still going vanishes when that program ends.  An entry
    still there, and mapped by no process, after `patience` seconds is a leak.
    """
    deadline = time.monotonic() + patience
    pause = 0.005
    while True:
        new = shm_entries() - before
        if new and _PROC.is_dir():
            new -= _mapped(new, _pids())
        if not new or time.monotonic() > deadline:
            return sorted(new)
        time.sleep(pause)
        pause = min(pause * 2, 0.1)


def leftover_runs(dir_prefix: str = "verifier-") -> list[str]:
    """Processes still running in a run directory named `dir_prefix...` (Linux only)."""
    proc = _PROC
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
