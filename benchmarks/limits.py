"""The physical limits of the machine, measured in the same run as the mechanisms.

* memcpy: one thread copying with `memoryview` slice assignment (a C memcpy),
  from the producer's pool messages in turn (the sources a transport reads:
  uncached once the pool outgrows the caches, see `payload.POOL_BYTES`) into
  one reused, pre-touched destination.  This is the `memcpy_ratio` denominator
  for a payload of the same size.  At 64 B it is mostly Python's cost of one
  copy call, the floor for any mechanism that copies a message in Python.
* memcpy_fresh: the same into a new `bytes` object each time, as
  `recv_bytes()` or `bytes(view)` must do; the difference is the allocation.
  Above glibc's largest mmap threshold (32 MiB on 64-bit Linux) every such
  allocation is a new mapping whose pages fault in on first write.
* memcpy_cached: one 256 KiB source into one destination, both staying in the
  CPU caches (the machine's cache sizes are in the results' metadata).
* os_pipe and socketpair: the raw channels between two processes, as
  transports (`transports.RawChannel`), run by the throughput harness.

Each memcpy session runs in a fresh child process, like every other session.
"""

from __future__ import annotations

import time

from benchmarks import methodology
from benchmarks.payload import Payload
from benchmarks.processes import run_roles


def measure_memcpy(
    ctx, size: int, fresh: bool, one_source: bool, copies: int | None, target: float, timeout
):
    """One session.  copies=None calibrates (returns a count), else returns seconds."""
    return run_roles(ctx, [(_memcpy_role, (size, fresh, one_source, copies, target))], timeout)[0]


def _memcpy_role(size, fresh, one_source, copies, target):
    payload = Payload(size)
    pool = [payload.message(0)] if one_source else payload.pool()
    sources = [memoryview(message) for message in pool]
    destination = bytearray(size)  # bytearray(n) is zero-filled: pre-touched
    view = memoryview(destination)
    copy = None

    def round_(n: int) -> float:
        nonlocal copy
        count = len(sources)
        start = time.perf_counter()
        if fresh:
            for i in range(n):
                copy = bytes(sources[i % count])
        else:
            for i in range(n):
                view[:] = sources[i % count]
        seconds = time.perf_counter() - start
        last = copy if fresh else destination
        payload.check_full(last, (n - 1) % count)
        return seconds

    round_(max(2, min(64, (8 << 20) // size)))  # warm-up
    if copies is None:
        return methodology.calibrate(round_, target, min_n=2)
    return round_(copies)
