"""Round-trip latency: a pinger sends a small message, a ponger sends it back.

Each round trip is timed on its own with `time.perf_counter()` in the pinger,
from just before the send to just after the reply arrived; the reply is
checked (`Payload.check`) after the clock stops.  A session warms up with
`WARMUP` round trips, then runs round trips for `target` seconds (at least
`MIN_TRIPS`) and reports their median and 99th percentile.

`round_trip_limit` names the raw channel whose round trip bounds a mechanism
(`os_pipe` or `socketpair`, measured the same way here with `os.write` and
`os.readv` on 64-byte messages), for the ratio in the results.
"""

from __future__ import annotations

import os
import time
from functools import partial

from benchmarks import methodology
from benchmarks.payload import Payload
from benchmarks.processes import run_roles

WARMUP = 50
MIN_TRIPS = 20
SIZE = 64


class RoundTrip:
    key = ""
    description = ""
    limit = "os_pipe"
    needs_ponger = True

    def skip_reason(self) -> str | None:
        return None

    def open(self, ctx):
        """Create the mechanism; returns (ends for both children, cleanup for the parent)."""
        raise NotImplementedError

    def pinger(self, ends):
        """In the pinger: `ping(message, seq) -> reply`."""
        raise NotImplementedError

    def ponger(self, ends) -> None:
        """In the ponger: answer until the pinger's `stop`."""
        raise NotImplementedError

    def stop(self, ends) -> None:
        """In the pinger, after the last round trip: let the ponger return."""
        raise NotImplementedError


def _nothing() -> None:
    pass


class ObjectRoundTrip(RoundTrip):
    """Objects through a channel each way (requests, replies); None stops the ponger."""

    def __init__(self, key, description, limit, make):
        self.key, self.description, self.limit, self._make = key, description, limit, make

    def open(self, ctx):
        return self._make(ctx)

    def pinger(self, ends):
        requests, replies = ends

        def ping(message, seq):
            requests.put(message)
            return replies.get()

        return ping

    def ponger(self, ends):
        requests, replies = ends
        while (message := requests.get()) is not None:
            replies.put(message)

    def stop(self, ends):
        ends[0].put(None)


class _PipeWay:
    """One direction of a duplex Pipe, with a queue's put() and get()."""

    def __init__(self, sending, receiving):
        self.sending, self.receiving = sending, receiving

    def put(self, obj) -> None:
        self.sending.send(obj)

    def get(self):
        return self.receiving.recv()


def _pipe(ctx):
    a, b = ctx.Pipe()
    return (_PipeWay(a, b), _PipeWay(b, a)), _nothing


def _queues(kind, ctx):
    return (getattr(ctx, kind)(), getattr(ctx, kind)()), _nothing


def _manager_queues(ctx):
    manager = ctx.Manager()
    return (manager.Queue(), manager.Queue()), manager.shutdown


class EventPair(RoundTrip):
    key = "event_pair"
    description = (
        "two Events: set / wait / clear each way; an Event carries no data, so the "
        "sequence number goes through a RawValue and is checked on return"
    )

    def open(self, ctx):
        return (ctx.Event(), ctx.Event(), ctx.RawValue("q", 0), ctx.RawValue("q", 0)), _nothing

    def pinger(self, ends):
        ping_event, pong_event, request, reply = ends

        def ping(message, seq):
            request.value = seq
            ping_event.set()
            pong_event.wait()
            pong_event.clear()
            return message if reply.value == seq else b""

        return ping

    def ponger(self, ends):
        ping_event, pong_event, request, reply = ends
        while True:
            ping_event.wait()
            ping_event.clear()
            if request.value < 0:
                return
            reply.value = request.value
            pong_event.set()

    def stop(self, ends):
        ends[2].value = -1
        ends[0].set()


class ManagerCall(RoundTrip):
    key = "manager_call"
    description = "one Manager dict proxy call, d[key] of a 64-byte value (no second process)"
    limit = "socketpair"
    needs_ponger = False

    def open(self, ctx):
        manager = ctx.Manager()
        payload = Payload(SIZE)
        return manager.dict(dict(enumerate(payload.pool()))), manager.shutdown

    def pinger(self, ends):
        pool_size = Payload(SIZE).pool_size
        return lambda message, seq: ends[seq % pool_size]

    def stop(self, ends):
        pass


class RawRoundTrip(RoundTrip):
    """The OS channel alone: os.write / os.readv of 64 bytes; 64 bytes of 0xFF stop."""

    def __init__(self, duplex: bool):
        self.duplex = duplex
        self.key = self.limit = "socketpair" if duplex else "os_pipe"
        channel = "socket.socketpair()" if duplex else "two os.pipe()s"
        self.description = f"{channel} alone: os.write() / os.readv() into a reused buffer"

    def skip_reason(self):
        return "POSIX only (os.readv)" if os.name == "nt" else None

    def open(self, ctx):
        if self.duplex:
            a, b = ctx.Pipe()
            return ((a, a), (b, b)), _nothing
        requests, replies = ctx.Pipe(duplex=False), ctx.Pipe(duplex=False)
        # (receiving end, sending end) of each direction, as the pinger sees them.
        return ((replies[0], requests[1]), (requests[0], replies[1])), _nothing

    def pinger(self, ends):
        read_fd, write_fd = ends[0][0].fileno(), ends[0][1].fileno()
        buffer = bytearray(SIZE)
        return lambda message, seq: _exchange(write_fd, message, read_fd, buffer)

    def ponger(self, ends):
        read_fd, write_fd = ends[1][0].fileno(), ends[1][1].fileno()
        buffer = bytearray(SIZE)
        while _read_exactly(read_fd, buffer) and buffer != _STOP:
            os.write(write_fd, buffer)

    def stop(self, ends):
        os.write(ends[0][1].fileno(), _STOP)


# No pool message is all 0xFF bytes (see Payload.stamps).
_STOP = b"\xff" * SIZE


def _exchange(write_fd, message, read_fd, buffer):
    os.write(write_fd, message)
    if not _read_exactly(read_fd, buffer):
        raise EOFError("the ponger closed the channel")
    return buffer


def _read_exactly(fd, buffer) -> bool:
    view, got = memoryview(buffer), 0
    while got < len(buffer):
        n = os.readv(fd, [view[got:]])
        if n == 0:
            return False
        got += n
    return True


ROUND_TRIPS = [
    ObjectRoundTrip(
        "pipe", "Pipe() (a socket pair): send() / recv() each way", "socketpair", _pipe
    ),
    ObjectRoundTrip(
        "simple_queue",
        "two SimpleQueues: put() / get() each way",
        "os_pipe",
        partial(_queues, "SimpleQueue"),
    ),
    ObjectRoundTrip(
        "queue", "two Queues: put() / get() each way", "os_pipe", partial(_queues, "Queue")
    ),
    EventPair(),
    ManagerCall(),
    ObjectRoundTrip(
        "manager_queue",
        "two Manager().Queue()s: put() / get() each way, via the manager process",
        "socketpair",
        _manager_queues,
    ),
]
RAW_ROUND_TRIPS = [RawRoundTrip(duplex=False), RawRoundTrip(duplex=True)]
BY_KEY = {r.key: r for r in ROUND_TRIPS + RAW_ROUND_TRIPS}


def measure(ctx, round_trip: RoundTrip, target: float, timeout: float) -> dict:
    """One session: {"median_s", "p99_s", "round_trips"}."""
    ends, cleanup = round_trip.open(ctx)
    try:
        roles = [(_pinger, (round_trip, ends, target))]
        if round_trip.needs_ponger:
            roles.append((_ponger, (round_trip, ends)))
        return run_roles(ctx, roles, timeout)[0]
    finally:
        cleanup()


def _pinger(round_trip, ends, target):
    payload = Payload(SIZE)
    pool = payload.pool()
    ping = round_trip.pinger(ends)
    for seq in range(WARMUP):
        payload.check_full(ping(pool[seq % len(pool)], seq), seq)
    times = []
    seq, started = WARMUP, time.perf_counter()
    while True:
        start = time.perf_counter()
        reply = ping(pool[seq % len(pool)], seq)
        end = time.perf_counter()
        payload.check(reply, seq)
        times.append(end - start)
        seq += 1
        if end - started >= target and len(times) >= MIN_TRIPS:
            break
    round_trip.stop(ends)
    return {
        "median_s": methodology.median(times),
        "p99_s": methodology.percentile(times, 99),
        "round_trips": len(times),
    }


def _ponger(round_trip, ends):
    round_trip.ponger(ends)
