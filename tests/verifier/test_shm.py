"""Telling what a run left in /dev/shm from what other live programs hold there.

Runs overlap (pytest-xdist, other sessions, anything else on the machine), so
new entries in /dev/shm are not necessarily the finished run's.  An entry a
live process has mapped is that process's; a new entry nobody maps is a leak.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from verifier import processes, shm
from verifier.pytest_plugin import example_pythons

pytestmark = pytest.mark.skipif(
    not (shm.SHM_DIR.is_dir() and Path("/proc").is_dir()), reason="needs /dev/shm and /proc"
)

# Holds a shared memory block and a named semaphore until its stdin closes.
# The semaphore is mapped only by the process that created it, under the
# temporary name it was created with, not the name in /dev/shm.
HOLDER = """
import sys
from multiprocessing import get_context, shared_memory

lock = get_context("spawn").Lock()
block = shared_memory.SharedMemory(create=True, size=16)
print(block.name, "sem." + lock._semlock.name.lstrip("/"), flush=True)
sys.stdin.read()
block.close()
block.unlink()
"""

# Exits at once, leaving a child running in its process group.
# The grandchild says when it runs, so that it has exec'd its own command line
# (what the test looks for) before this process exits.
LEAVES_CHILD = """
import subprocess, sys
child = subprocess.Popen(
    [sys.executable, "-c", "import time; print('up', flush=True); time.sleep(30)"],
    stdout=subprocess.PIPE,
)
child.stdout.readline()
"""


@contextlib.contextmanager
def holding(python: str = sys.executable):
    """HOLDER running on `python` in a group of its own: (the process, its two names)."""
    process = subprocess.Popen(
        [python, "-c", HOLDER],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        names = set(process.stdout.readline().split())
        assert len(names) == 2 and names <= shm.shm_entries(), (python, names)
        yield process, names
    finally:
        process.stdin.close()
        try:
            process.wait(timeout=10)
        finally:
            processes.kill_group(process)


@pytest.fixture
def holder():
    """A live program holding two entries: (the process, their names, /dev/shm before)."""
    before = shm.shm_entries()
    with holding() as (process, names):
        yield process, names, before


def test_entries_a_live_program_holds_are_not_a_leak_and_need_no_wait(holder) -> None:
    _, names, before = holder
    started = time.monotonic()
    leaked = shm.shm_leaks(before, patience=20)
    assert not names & set(leaked), leaked
    # Known at once to be someone else's, not waited for until they go away.
    assert time.monotonic() - started < 10


def test_a_new_entry_nobody_maps_is_a_leak_even_beside_held_ones(holder) -> None:
    _, names, before = holder
    stray = shm.SHM_DIR / f"psm_verifier_test_{os.getpid()}"
    stray.write_bytes(b"")
    try:
        leaked = shm.shm_leaks(before, patience=0.5)
    finally:
        stray.unlink()
    assert stray.name in leaked
    assert not names & set(leaked), leaked


def test_a_new_entry_that_goes_away_within_the_patience_is_not_a_leak() -> None:
    before = shm.shm_entries()
    stray = shm.SHM_DIR / f"psm_verifier_test_{os.getpid()}"
    stray.write_bytes(b"")
    remover = subprocess.Popen(
        [sys.executable, "-c", f"import os, time; time.sleep(0.5); os.unlink({str(stray)!r})"]
    )
    try:
        assert stray.name not in shm.shm_leaks(before, patience=20)
    finally:
        remover.wait()


def test_the_entries_a_group_maps_are_found_by_inode(holder) -> None:
    # What a timed-out run is cleaned of, its own semaphores included.
    process, names, _ = holder
    assert names <= shm.shm_in_use(process.pid)


def test_the_entries_a_group_maps_are_found_on_every_interpreter(pytestconfig) -> None:
    # The Debian builds run in a chroot, where /proc/PID/maps names the entries
    # under the root's path; a timed-out run there must be cleaned up all the same.
    for python in example_pythons(pytestconfig):
        with holding(python) as (process, names):
            assert names <= shm.shm_in_use(process.pid), python


def test_a_group_has_members_until_its_last_process_is_gone() -> None:
    process = subprocess.Popen([sys.executable, "-c", LEAVES_CHILD], start_new_session=True)
    process.wait()
    try:
        assert any("time.sleep(30)" in m for m in processes.group_members(process.pid))
    finally:
        processes.kill_group(process)
    deadline = time.monotonic() + 10
    while processes.group_members(process.pid) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert processes.group_members(process.pid) == []
