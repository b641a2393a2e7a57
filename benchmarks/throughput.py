"""Throughput: one producer process streams messages to one consumer process.

A session starts a fresh producer and consumer (`processes.run_roles`) around
one transport and one payload size.  They agree on each *round* over a
separate control Pipe: the producer announces n messages, the consumer
answers "ready", and the producer's clock runs from just before the first
`send` until the consumer's "done", which it sends once the n-th message has
arrived and passed its check.  So the figure is delivery, not how fast `put`
returns: a Queue's feeder thread and the OS buffers are drained inside the
timed region.  The control messages add one small round trip per round
(tens of microseconds against rounds of ~0.2 s).

Checks: every message in the timed region (`Payload.check`), every byte of the
warm-up messages and of the last message of each round outside it
(`Payload.check_full`).  Throughput counts each payload byte once
(MB/s = 10**6 bytes per second).
"""

from __future__ import annotations

import time

from benchmarks import methodology
from benchmarks.payload import Payload
from benchmarks.processes import run_roles

WARMUP_BYTES = 8 * 1024 * 1024


def warmup_count(size: int) -> int:
    return max(2, min(64, WARMUP_BYTES // size))


def measure(ctx, transport, size: int, messages: int | None, target: float, timeout: float):
    """One session.  messages=None calibrates: returns the n for `target` seconds.

    Otherwise returns the seconds that `messages` messages took.
    """
    ends, cleanup = transport.open(ctx, size)
    try:
        control_producer, control_consumer = ctx.Pipe()
        result, _ = run_roles(
            ctx,
            [
                (_producer, (transport, ends, size, control_producer, messages, target)),
                (_consumer, (transport, ends, size, control_consumer)),
            ],
            timeout,
        )
        return result
    finally:
        cleanup()


def _producer(transport, ends, size, control, messages, target):
    payload = Payload(size)
    pool = payload.pool()
    sender = transport.sender(ends, size)
    seq = 0

    def round_(n: int, full_check: bool = False) -> float:
        nonlocal seq
        control.send(("round", n, full_check))
        _expect(control, "ready")
        send, pool_size = sender.send, len(pool)
        start = time.perf_counter()
        for s in range(seq, seq + n):
            send(pool[s % pool_size], s)
        _expect(control, "done")
        seconds = time.perf_counter() - start
        seq += n
        return seconds

    try:
        round_(warmup_count(size), full_check=True)
        if messages is None:
            result = methodology.calibrate(round_, target, min_n=2)
        else:
            result = round_(messages)
        control.send(("stop",))
        _expect(control, "stopped")
        return result
    finally:
        sender.close()


def _consumer(transport, ends, size, control):
    payload = Payload(size)
    receiver = transport.receiver(ends, size)
    seq = 0
    try:
        while True:
            command = control.recv()
            if command[0] == "stop":
                control.send("stopped")
                return
            _, n, full_check = command
            check = payload.check_full if full_check else payload.check
            get, done = receiver.get, receiver.done
            control.send("ready")
            for s in range(seq, seq + n):
                data = get(s)
                check(data, s)
                done(s)
            control.send("done")
            seq += n
            # The producer waits for "ready" before it sends more, so the last
            # message is intact here even when it is a view of a shared slot.
            payload.check_full(data, seq - 1)
            del data
    finally:
        receiver.close()


def _expect(control, word: str) -> None:
    answer = control.recv()
    if answer != word:
        raise RuntimeError(f"protocol: expected {word!r} from the consumer, got {answer!r}")
