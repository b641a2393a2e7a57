"""The fastest correct way found to move a large array to another process.

The recipe:

1. Make one `SharedMemory` block for the array, once, and keep reusing it.
2. Touch every page of it once in both processes before the first transfer
   (the producer writes it, the consumer reads it), so no transfer pays for
   page faults.
3. The producer writes the array straight into the block: this is the one copy
   a transfer needs (the bytes must get from where they are made into memory
   the consumer can see; a producer that computes its result directly into the
   block saves even that).
4. One small message tells the consumer the array is ready (here 8 bytes on a
   `Pipe`, which wakes a process faster than an `Event`).
5. The consumer works on the array in place, through a memoryview (or a NumPy
   array over `block.buf`), and says when it is done with it; only then may the
   producer write the next array.  No Queue, no pickle, no copy out.

The timed region of one transfer, on the producer's clock: from just before
the write into the block until the consumer's reply "I have it" arrives (the
consumer sends it as soon as it wakes).  So it counts the one copy, the one
signal, the consumer's wake-up, and, against the recipe, one more small
message back.  The consumer then checks the array in place, outside the timed
region, and answers "free": the stamps of every transfer (`Payload.check`),
every byte of the warm-up transfers and of the last one of a session
(`check_full`).  A consumer that works long on each array would make the same
transfers slower on a busy machine: a process that used its time slice wakes
later when others wait for the CPU; that is the scheduler, not the transfer.  Each transfer is timed on its
own and a session reports the median: a transfer involves two processes, and
on a busy machine one late wake-up (a few milliseconds) would otherwise weigh
on the whole round.  `memcpy_ratio` compares the
result with `limits.memcpy` of the same size: a copy of the same pool
messages into one reused destination, in one process, with no signal at all.
"""

from __future__ import annotations

import time
from multiprocessing import shared_memory

from benchmarks import methodology
from benchmarks.payload import Payload
from benchmarks.processes import run_roles

WARMUP = 2
MIN_TRANSFERS = 8  # a median of at least this many transfers per session


def measure(ctx, size: int, transfers: int | None, target: float, timeout: float):
    """One session.  transfers=None calibrates (returns a count), else returns
    {"median_s": the median seconds of one timed transfer, "transfers": n}."""
    block = shared_memory.SharedMemory(create=True, size=size)
    try:
        producer_end, consumer_end = ctx.Pipe()
        return run_roles(
            ctx,
            [
                (_producer, (block.name, size, producer_end, transfers, target)),
                (_consumer, (block.name, size, consumer_end)),
            ],
            timeout,
        )[0]
    finally:
        block.close()
        block.unlink()


def _producer(name, size, conn, transfers, target):
    payload = Payload(size)
    arrays = payload.pool()  # what the producer has made, one array per transfer
    block = shared_memory.SharedMemory(name=name)
    array_in_block = block.buf[:size]
    seq = 0
    times: list[float] = []

    def transfer_round(n: int, full_check: bool = False) -> float:
        nonlocal seq
        times.clear()
        for i in range(n):
            # The signal: which array is in the block, and whether to check every byte.
            signal = seq.to_bytes(8, "little") + (b"F" if full_check or i == n - 1 else b"")
            start = time.perf_counter()
            array_in_block[:] = arrays[seq % len(arrays)]  # the one copy
            conn.send_bytes(signal)  # the one signal
            if conn.recv_bytes() != b"have it":
                raise RuntimeError("protocol: expected the consumer's 'have it'")
            times.append(time.perf_counter() - start)
            if conn.recv_bytes() != b"free":  # the consumer checked it in place
                raise RuntimeError("protocol: expected the consumer's 'free'")
            seq += 1
        return sum(times)

    try:
        transfer_round(WARMUP, full_check=True)  # also touches every page of the block
        if transfers is None:
            result = methodology.calibrate(transfer_round, target, min_n=MIN_TRANSFERS)
        else:
            transfer_round(transfers)
            result = {"median_s": methodology.median(times), "transfers": transfers}
        conn.send_bytes(b"")  # stop
        return result
    finally:
        array_in_block.release()
        block.close()


def _consumer(name, size, conn):
    payload = Payload(size)
    block = shared_memory.SharedMemory(name=name)
    array = block.buf[:size]
    try:
        bytes(array)  # touch every page once before the first transfer
        while True:
            signal = conn.recv_bytes()
            if not signal:
                return
            conn.send_bytes(b"have it")
            seq = int.from_bytes(signal[:8], "little")
            # The consumer's work, in place (stands for whatever it computes).
            (payload.check_full if signal[8:] == b"F" else payload.check)(array, seq)
            conn.send_bytes(b"free")
    finally:
        array.release()
        block.close()
