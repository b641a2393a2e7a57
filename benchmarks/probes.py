"""Does `put()` return before the message is delivered?

For `Queue` and `SimpleQueue`, the producer times each `put()` call, and the
time until the consumer's one-byte "got it" (sent over a Pipe as soon as
`get()` returned and the message passed `Payload.check`; every byte is
checked after that) arrives back.  One message
at a time, so nothing queues up behind it.  A `Queue.put()` only appends to a
buffer that a feeder thread pickles and writes later; a `SimpleQueue.put()`
pickles and writes itself, and a message larger than the pipe's buffer cannot
be written before the consumer reads.
"""

from __future__ import annotations

import time

from benchmarks import methodology
from benchmarks.payload import Payload
from benchmarks.processes import run_roles

MIN_PUTS = 5


def measure_put(ctx, kind: str, size: int, target: float, timeout: float) -> dict:
    """One session: median seconds of the put() call and of the delivery."""
    queue = getattr(ctx, kind)()
    producer_end, consumer_end = ctx.Pipe()
    return run_roles(
        ctx,
        [
            (_producer, (queue, size, producer_end, target)),
            (_consumer, (queue, size, consumer_end)),
        ],
        timeout,
    )[0]


def _producer(queue, size, conn, target):
    pool = Payload(size).pool()
    puts, deliveries = [], []
    started = time.perf_counter()
    seq = 0
    while seq < MIN_PUTS + 2 or time.perf_counter() - started < target:
        start = time.perf_counter()
        queue.put(pool[seq % len(pool)])
        returned = time.perf_counter()
        conn.recv_bytes()
        delivered = time.perf_counter()
        if seq >= 2:  # the first two warm up (the Queue starts its feeder thread)
            puts.append(returned - start)
            deliveries.append(delivered - start)
        seq += 1
    queue.put(None)
    return {"put_s": methodology.median(puts), "delivered_s": methodology.median(deliveries)}


def _consumer(queue, size, conn):
    payload = Payload(size)
    seq = 0
    while (message := queue.get()) is not None:
        payload.check(message, seq)
        conn.send_bytes(b"1")
        payload.check_full(message, seq)
        seq += 1
