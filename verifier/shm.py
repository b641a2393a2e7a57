"""Find the POSIX IPC names a run leaves in /dev/shm, and remove them.

CPython names its shared memory blocks `psm_*` and its semaphores `sem.mp-*`
on Linux; other programs' entries are none of ours.  Runs overlap (pytest-xdist,
other sessions), so an entry is attributed to a run by who has it mapped, read
from `/proc` (see `verifier.processes`).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from verifier.processes import PROC, live_members, pids

SHM_DIR = Path("/dev/shm")
SHM_PREFIXES = ("psm_", "sem.mp-")


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
    # verifier.interpreters) shows its mappings under the root's path, such as
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
    if not PROC.is_dir():
        return set()
    return _mapped(shm_entries(), live_members(pgid))


def remove_shm(names: set[str]) -> None:
    """Unlink those of `names` still in /dev/shm."""
    for name in sorted(names):
        try:
            (SHM_DIR / name).unlink()
        except FileNotFoundError:
            continue


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
        if new and PROC.is_dir():
            new -= _mapped(new, pids())
        if not new or time.monotonic() > deadline:
            return sorted(new)
        time.sleep(pause)
        pause = min(pause * 2, 0.1)
