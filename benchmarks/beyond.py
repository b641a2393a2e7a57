"""Beyond one process tree: subinterpreters, TCP and Dask, against Queue and Pipe.

`python -m benchmarks beyond` measures, side by side in one run on one
interpreter (Python 3.14 or newer for the subinterpreter cases):

* channels: one-way throughput of 64 B and 1 MiB `bytes` messages through a
  `concurrent.interpreters` queue (producer in a subinterpreter on another
  thread), a `multiprocessing.Queue` and a one-way `Pipe` with `send_bytes()`
  (producer in a child process), and the round trip of a 64 B message through
  each of them, plus `Listener`/`Client` over TCP loopback;
* executors: `InterpreterPoolExecutor` against `ProcessPoolExecutor` with two
  workers, start-up (the constructor to the first two results) and the round
  trip of one tiny task (`submit(abs, -1).result()`);
* Dask: getting a 4 MiB and a 64 MiB NumPy array to one worker of a local
  cluster and an answer back (`scatter()` then `submit(len, future)`), against
  `send_bytes()` of the same array through a `Pipe` to a child that replies
  with its length.

The run also measures the limits the performance page compares everything
with (`benchmarks.limits`): the round trip of 64 bytes through two raw
`os.pipe()`s, and memcpy of each payload size.  Every case runs once per
repetition, in a shuffled order (as in `benchmarks.methodology`); a figure is
the median over repetitions (a limit's, its best), and each comparison is a
ratio of two figures of the same run (`times_*`, `*_memcpy_ratio`).  What cannot
run here (no 3.14, no Dask) is recorded with the reason as `skipped`.  The
results go to `results/beyond.json`, which the performance page reads
(`<!-- bench:beyond PATH -->`, see hooks/bench_charts.py).
"""

from __future__ import annotations

import multiprocessing
import random
import secrets
import sys
import threading
import time
from collections import defaultdict
from dataclasses import asdict, dataclass
from multiprocessing.connection import Client, Listener
from pathlib import Path

from benchmarks import latency, limits, machine
from benchmarks import results as results_file
from benchmarks.methodology import interleaved, median, significant

FORMAT = "mp-ipc-bench-beyond/1"
RESULTS = Path(__file__).resolve().parent / "results" / "beyond.json"
"""The committed results, which the performance page shows."""
LATEST = RESULTS.with_name("beyond-latest.json")
"""Where `python -m benchmarks beyond` writes unless told otherwise."""

MESSAGE_SIZES = {"64B": 64, "1MiB": 1024 * 1024}
DASK_SIZES = {"4MiB": 4 * 1024 * 1024, "64MiB": 64 * 1024 * 1024}
CHANNELS = ("interp_queue", "mp_queue", "pipe")
EXECUTORS = ("interpreter_pool", "process_pool")
NEEDS_314 = "needs Python 3.14 or newer (concurrent.interpreters)"

SCHEMA = {
    "format": f"always {FORMAT!r}",
    "schema": "this description of every field",
    "machine": "as in reference.json (benchmarks.machine.describe)",
    "settings": "start_method (for the child processes), quick, repeats, seed",
    "versions": "python, and dask/distributed when installed",
    "channels.<channel>.<size>.msgs_per_s": "one-way messages delivered per second (median)",
    "channels.<channel>.<size>.mb_per_s": "the same in MB (10**6 bytes) per second",
    "channels.<channel>.<size>.times_pipe": "msgs_per_s / channels.pipe.<size>.msgs_per_s",
    "channels.<channel>.<size>.memcpy_ratio": "mb_per_s / limits.memcpy.<size>.mb_per_s",
    "channels.<channel>.round_trip_times_limit": "round_trip_us / limits.os_pipe_round_trip_us",
    "limits.os_pipe_round_trip_us": "64 B round trip through two raw os.pipe()s (best repetition)",
    "limits.memcpy.<size>.mb_per_s": "memcpy of <size> into a reused buffer, MB/s (best)",
    "channels.<channel>.round_trip_us": "mean round trip of a 64 B message in a session, median",
    "channels.<channel>.round_trip_times_pipe": "round_trip_us / channels.pipe.round_trip_us",
    "channels.tcp.round_trip_us": "the same through Listener/Client over TCP loopback, with authkey",
    "channels.tcp.round_trip_times_pipe": "round_trip_us / channels.pipe.round_trip_us",
    "executors.<executor>.startup_ms": "constructor to the results of two tasks (median)",
    "executors.<executor>.task_us": "submit(abs, -1).result() on a warm pool, mean per task, median",
    "executors.interpreter_pool.startup_times_process": "startup_ms / process_pool.startup_ms",
    "executors.interpreter_pool.task_times_process": "task_us / process_pool.task_us",
    "dask.<size>.dask_ms": "scatter() the array, submit(len, future).result(), cancel (median)",
    "dask.<size>.pipe_ms": "send_bytes() of the array, recv() of its length (median)",
    "dask.<size>.times_pipe": "dask_ms / pipe_ms",
    "dask.<size>.dask_memcpy_ratio": "size / dask_ms, against limits.memcpy.<size>.mb_per_s",
    "dask.<size>.pipe_memcpy_ratio": "size / pipe_ms, against limits.memcpy.<size>.mb_per_s",
    "<any>.skipped": "why this case was not measured here",
}


@dataclass
class Settings:
    start_method: str
    quick: bool = False
    repeats: int = 5
    seed: int = 0

    @property
    def messages(self) -> dict[str, int]:
        scale = 10 if self.quick else 1
        return {"64B": 20_000 // scale, "1MiB": 400 // scale}

    @property
    def trips(self) -> int:
        return 200 if self.quick else 2000

    @property
    def tasks(self) -> int:
        return 50 if self.quick else 500


# --- child processes (module level, so that spawn and forkserver find them) --------


def _queue_producer(q, go, n: int, size: int) -> None:
    message = b"x" * size
    go.wait()
    for _ in range(n):
        q.put(message)


def _pipe_producer(conn, go, n: int, size: int) -> None:
    message = b"x" * size
    go.wait()
    for _ in range(n):
        conn.send_bytes(message)


def _pipe_echo(conn) -> None:
    while (message := conn.recv_bytes()) != b"":
        conn.send_bytes(message)


def _queue_echo(inbox, outbox) -> None:
    while (message := inbox.get()) != b"":
        outbox.put(message)


def _tcp_echo(address, authkey: bytes) -> None:
    with Client(address, authkey=authkey) as conn:
        _pipe_echo(conn)


def _length_replier(conn) -> None:
    while (data := conn.recv_bytes()) != b"":
        conn.send(len(data))


# --- one session of each case: returns seconds ---------------------------------------


_INTERP_PRODUCER = "go.get()\nmessage = b'x' * size\nfor _ in range(n):\n    q.put(message)\n"
_INTERP_ECHO = "while (m := inbox.get()) != b'':\n    outbox.put(m)\n"


def one_way(channel: str, size: int, n: int, ctx) -> float:
    """Seconds from "go" to the consumer having all n messages of `size` bytes."""
    if channel == "interp_queue":
        from concurrent import interpreters

        q, go = interpreters.create_queue(), interpreters.create_queue()
        interp = interpreters.create()
        try:
            interp.prepare_main(q=q, go=go, n=n, size=size)
            producer = threading.Thread(target=interp.exec, args=(_INTERP_PRODUCER,))
            producer.start()
            started = time.perf_counter()
            go.put(None)
            for _ in range(n):
                _check(q.get(), size)
            seconds = time.perf_counter() - started
            producer.join()
        finally:
            interp.close()
        return seconds
    go = ctx.Event()
    if channel == "mp_queue":
        q = ctx.Queue()
        child = ctx.Process(target=_queue_producer, args=(q, go, n, size))
        receive = q.get
    else:
        reader, writer = ctx.Pipe(duplex=False)
        child = ctx.Process(target=_pipe_producer, args=(writer, go, n, size))
        receive = reader.recv_bytes
    child.start()
    started = time.perf_counter()
    go.set()
    for _ in range(n):
        _check(receive(), size)
    seconds = time.perf_counter() - started
    child.join()
    return seconds


def round_trip(channel: str, trips: int, ctx) -> float:
    """Seconds for `trips` round trips of a 64-byte message, after a warm-up."""
    message = b"r" * 64
    stop = b""
    if channel == "interp_queue":
        from concurrent import interpreters

        inbox, outbox = interpreters.create_queue(), interpreters.create_queue()
        interp = interpreters.create()
        try:
            interp.prepare_main(inbox=inbox, outbox=outbox)
            echo = threading.Thread(target=interp.exec, args=(_INTERP_ECHO,))
            echo.start()
            seconds = _time_trips(inbox.put, outbox.get, message, trips)
            inbox.put(stop)
            echo.join()
        finally:
            interp.close()
        return seconds
    if channel == "mp_queue":
        inbox, outbox = ctx.Queue(), ctx.Queue()
        child = ctx.Process(target=_queue_echo, args=(inbox, outbox))
        child.start()
        seconds = _time_trips(inbox.put, outbox.get, message, trips)
        inbox.put(stop)
        child.join()
        return seconds
    if channel == "pipe":
        ours, theirs = ctx.Pipe()
        child = ctx.Process(target=_pipe_echo, args=(theirs,))
        child.start()
        seconds = _time_trips(ours.send_bytes, ours.recv_bytes, message, trips)
        ours.send_bytes(stop)
        child.join()
        return seconds
    authkey = secrets.token_bytes(32)
    with Listener(("127.0.0.1", 0), authkey=authkey) as listener:
        child = ctx.Process(target=_tcp_echo, args=(listener.address, authkey))
        child.start()
        with listener.accept() as conn:
            seconds = _time_trips(conn.send_bytes, conn.recv_bytes, message, trips)
            conn.send_bytes(stop)
        child.join()
    return seconds


def _time_trips(send, receive, message: bytes, trips: int) -> float:
    for _ in range(50):
        send(message)
        _check(receive(), len(message))
    started = time.perf_counter()
    for _ in range(trips):
        send(message)
        _check(receive(), len(message))
    return time.perf_counter() - started


def executor(kind: str, tasks: int, ctx) -> tuple[float, float]:
    """(seconds to the first two results, seconds per warm task)."""
    from concurrent import futures

    started = time.perf_counter()
    if kind == "interpreter_pool":
        pool = futures.InterpreterPoolExecutor(max_workers=2)
    else:
        pool = futures.ProcessPoolExecutor(max_workers=2, mp_context=ctx)
    with pool:
        first = [pool.submit(abs, -1), pool.submit(abs, -2)]
        if [f.result() for f in first] != [1, 2]:
            raise AssertionError(f"{kind}: wrong results")
        startup = time.perf_counter() - started
        for _ in range(20):
            pool.submit(abs, -1).result()
        warm = time.perf_counter()
        for _ in range(tasks):
            if pool.submit(abs, -1).result() != 1:
                raise AssertionError(f"{kind}: wrong result")
        per_task = (time.perf_counter() - warm) / tasks
    return startup, per_task


def _check(message, size: int) -> None:
    if len(message) != size:
        raise AssertionError(f"got {len(message)} bytes, expected {size}")


# --- the run -----------------------------------------------------------------------------


def run(settings: Settings, progress=lambda line: None) -> dict:
    ctx = multiprocessing.get_context(settings.start_method)
    rng = random.Random(settings.seed)
    has_interpreters = sys.version_info >= (3, 14)
    samples: dict[tuple, list] = defaultdict(list)
    cases = [("one_way", c, s) for c in CHANNELS for s in MESSAGE_SIZES]
    cases += [("round_trip", c) for c in (*CHANNELS, "tcp")]
    cases += [("executor", e) for e in EXECUTORS]
    if not has_interpreters:
        cases = [c for c in cases if c[1] not in ("interp_queue", "interpreter_pool")]
    memcpy_sizes = {**{k: v for k, v in MESSAGE_SIZES.items() if k != "64B"}, **DASK_SIZES}
    cases += [("limit_round_trip",)] + [("memcpy", label) for label in memcpy_sizes]
    copies = {
        label: limits.measure_memcpy(ctx, size, False, False, None, 0.05, 60)
        for label, size in memcpy_sizes.items()
    }
    cluster, versions = _dask_cluster()
    if cluster:
        cases += [("dask", system, s) for system in ("dask", "pipe") for s in DASK_SIZES]
    replier = None
    try:
        if cluster:
            ours, theirs = ctx.Pipe()
            replier = (ours, ctx.Process(target=_length_replier, args=(theirs,)))
            replier[1].start()
            import numpy as np

            arrays = {s: np.ones(DASK_SIZES[s], dtype=np.uint8) for s in DASK_SIZES}
            for s in DASK_SIZES:  # warm-up: the first transfer of each kind
                _dask_round(cluster[1], arrays[s])
                _pipe_round(ours, arrays[s])
        for repetition, case in interleaved(cases, settings.repeats, rng):
            progress(f"beyond: repetition {repetition + 1}/{settings.repeats}: {case}")
            if case[0] == "one_way":
                n = settings.messages[case[2]]
                samples[case].append(one_way(case[1], MESSAGE_SIZES[case[2]], n, ctx) / n)
            elif case[0] == "round_trip":
                samples[case].append(round_trip(case[1], settings.trips, ctx) / settings.trips)
            elif case[0] == "executor":
                samples[case].append(executor(case[1], settings.tasks, ctx))
            elif case[0] == "limit_round_trip":
                raw = latency.RawRoundTrip(duplex=False)
                samples[case].append(latency.measure(ctx, raw, 0.2, 60)["median_s"])
            elif case[0] == "memcpy":
                label = case[1]
                seconds = limits.measure_memcpy(
                    ctx, memcpy_sizes[label], False, False, copies[label], 0.05, 60
                )
                samples[case].append(memcpy_sizes[label] * copies[label] / seconds / 1e6)
            elif case[1] == "dask":
                samples[case].append(_dask_round(cluster[1], arrays[case[2]]))
            else:
                samples[case].append(_pipe_round(replier[0], arrays[case[2]]))
    finally:
        if replier:
            replier[0].send_bytes(b"")
            replier[1].join()
        if cluster:
            cluster[1].close()
            cluster[0].close()
    return _summary(settings, samples, has_interpreters, versions, memcpy_sizes)


def _dask_cluster():
    try:
        import logging

        import dask
        import distributed
        from distributed import Client as DaskClient
        from distributed import LocalCluster
    except ImportError as error:
        return None, {"python": sys.version.split()[0], "dask": f"skipped: {error}"}
    cluster = LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        silence_logs=logging.CRITICAL,
    )
    versions = {
        "python": sys.version.split()[0],
        "dask": dask.__version__,
        "distributed": distributed.__version__,
    }
    return (cluster, DaskClient(cluster)), versions


def _dask_round(client, array) -> float:
    started = time.perf_counter()
    future = client.scatter(array)
    length = client.submit(len, future).result()
    seconds = time.perf_counter() - started
    client.cancel(future)
    if length != len(array):
        raise AssertionError(f"Dask: the worker saw {length} bytes of {len(array)}")
    return seconds


def _pipe_round(conn, array) -> float:
    started = time.perf_counter()
    conn.send_bytes(memoryview(array))
    length = conn.recv()
    seconds = time.perf_counter() - started
    if length != len(array):
        raise AssertionError(f"Pipe: the child saw {length} bytes of {len(array)}")
    return seconds


def _summary(
    settings: Settings, samples: dict, has_interpreters: bool, versions: dict, memcpy_sizes: dict
) -> dict:
    def sample_median(case, index=None):
        values = samples[case] if index is None else [v[index] for v in samples[case]]
        return median(values)

    # A limit's figure is its best repetition (see benchmarks.methodology).
    limit_us = min(samples[("limit_round_trip",)]) * 1e6
    memcpy = {label: max(samples[("memcpy", label)]) for label in memcpy_sizes}
    limit_results = {
        "os_pipe_round_trip_us": limit_us,
        "memcpy": {label: {"mb_per_s": rate} for label, rate in memcpy.items()},
    }

    channels: dict = {}
    for channel in CHANNELS:
        if channel == "interp_queue" and not has_interpreters:
            channels[channel] = {"skipped": NEEDS_314}
            continue
        entry = channels[channel] = {}
        for label, size in MESSAGE_SIZES.items():
            per_message = sample_median(("one_way", channel, label))
            entry[label] = {"msgs_per_s": 1 / per_message, "mb_per_s": size / per_message / 1e6}
        entry["round_trip_us"] = sample_median(("round_trip", channel)) * 1e6
    channels["tcp"] = {"round_trip_us": sample_median(("round_trip", "tcp")) * 1e6}
    pipe = channels["pipe"]
    for entry in channels.values():
        if "skipped" in entry:
            continue
        for label in MESSAGE_SIZES:
            if label in entry:
                entry[label]["times_pipe"] = entry[label]["msgs_per_s"] / pipe[label]["msgs_per_s"]
                if label in memcpy:
                    entry[label]["memcpy_ratio"] = entry[label]["mb_per_s"] / memcpy[label]
        entry["round_trip_times_pipe"] = entry["round_trip_us"] / pipe["round_trip_us"]
        entry["round_trip_times_limit"] = entry["round_trip_us"] / limit_us
    executors: dict = {}
    for kind in EXECUTORS:
        if kind == "interpreter_pool" and not has_interpreters:
            executors[kind] = {"skipped": NEEDS_314}
            continue
        executors[kind] = {
            "startup_ms": sample_median(("executor", kind), 0) * 1e3,
            "task_us": sample_median(("executor", kind), 1) * 1e6,
        }
    if has_interpreters:
        ours, theirs = executors["interpreter_pool"], executors["process_pool"]
        ours["startup_times_process"] = ours["startup_ms"] / theirs["startup_ms"]
        ours["task_times_process"] = ours["task_us"] / theirs["task_us"]
    if str(versions.get("dask", "")).startswith("skipped"):
        dask_results: dict = {"skipped": versions["dask"]}
    else:
        dask_results = {}
        for label, size in DASK_SIZES.items():
            dask_ms = sample_median(("dask", "dask", label)) * 1e3
            pipe_ms = sample_median(("dask", "pipe", label)) * 1e3
            size_mb = size / 1e6
            dask_results[label] = {
                "dask_ms": dask_ms,
                "pipe_ms": pipe_ms,
                "times_pipe": dask_ms / pipe_ms,
                "dask_memcpy_ratio": size_mb / (dask_ms / 1e3) / memcpy[label],
                "pipe_memcpy_ratio": size_mb / (pipe_ms / 1e3) / memcpy[label],
            }
    results = {
        "format": FORMAT,
        "schema": SCHEMA,
        "machine": machine.describe(settings.start_method),
        "settings": asdict(settings),
        "versions": versions,
        "limits": limit_results,
        "channels": channels,
        "executors": executors,
        "dask": dask_results,
    }
    return _rounded(results)


def _rounded(node):
    if isinstance(node, dict):
        return {k: v if k in ("schema", "machine") else _rounded(v) for k, v in node.items()}
    if isinstance(node, float):
        return significant(node)
    return node


# --- the results file ---------------------------------------------------------------------


def validate(results: dict) -> None:
    """Raise ValueError naming every field that is missing or not plausible."""
    problems = []
    if results.get("format") != FORMAT:
        problems.append(f"format is {results.get('format')!r}, expected {FORMAT!r}")
    for key in ("machine", "settings", "versions", *MEASURED):
        if key not in results:
            problems.append(f"missing top-level {key!r}")
    if problems:
        raise ValueError("; ".join(problems))
    for where, value in measured_fields(results):
        field = where.rsplit(".", 1)[-1]
        if field == "skipped":
            if not isinstance(value, str) or not value:
                problems.append(f"{where} must give a reason")
        elif not (isinstance(value, (int, float)) and value > 0):
            problems.append(f"{where} is {value!r}, not a positive number")
    for channel in (*CHANNELS, "tcp"):
        if channel not in results["channels"]:
            problems.append(f"channels.{channel} is missing")
    if problems:
        raise ValueError("; ".join(problems))


MEASURED = ("limits", "channels", "executors", "dask")
"""The top-level keys that hold measurements (the others describe the run)."""


def measured_fields(results: dict):
    """(dotted path, value) of every measured field."""
    for top in MEASURED:
        yield from results_file.leaf_paths(results[top], top)


def write(measured: dict, path: Path) -> None:
    results_file.write(measured, path, check=validate)


def read(path: Path = RESULTS) -> dict:
    return results_file.read(path, check=validate)


def summary(results: dict) -> str:
    """A few lines for the terminal: each comparison as a ratio."""
    lines = [f"beyond one process tree, {results['versions']['python']}:"]
    for channel, entry in results["channels"].items():
        if "skipped" in entry:
            lines.append(f"  {channel}: skipped, {entry['skipped']}")
            continue
        parts = [f"round trip {entry['round_trip_us']} µs ({entry['round_trip_times_pipe']}x Pipe)"]
        for label in MESSAGE_SIZES:
            if label in entry:
                parts.append(f"{label}: {entry[label]['msgs_per_s']:,} msg/s")
        lines.append(f"  {channel}: " + "; ".join(parts))
    for kind, entry in results["executors"].items():
        lines.append(f"  {kind}: {entry}")
    lines.append(f"  dask: {results['dask']}")
    return "\n".join(lines)
