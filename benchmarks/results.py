"""The results file: its fields, checks, writing and reading.

Every results file carries `SCHEMA` under its "schema" key, so that the JSON
explains itself.  `<size>` stands for a payload size label (`64B`, `4KiB`,
`256KiB`, `4MiB`, `64MiB`; see `sizes.size_label`), `<mechanism>` for a key of
`descriptions.throughput` or `descriptions.latency`.  MB means 10**6 bytes,
GB 10**9; "median" is over the measured repetitions (`settings.repeats`).
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

from benchmarks.sizes import parse_size

FOLDER = Path(__file__).resolve().parent / "results"
REFERENCE = FOLDER / "reference.json"
"""The committed results, which the performance page shows."""
LATEST = FOLDER / "latest.json"
"""Where `python -m benchmarks run` writes unless told otherwise."""
FORMAT = "mp-ipc-bench/1"

_RATE = {
    "msgs_per_s": "messages delivered per second (median)",
    "mb_per_s": "payload MB delivered per second (median)",
    "samples_mb_per_s": "MB/s of each repetition, in the order measured",
    "messages": "messages per timed round (calibrated to about settings.target_seconds)",
    "memcpy_ratio": "mb_per_s / limits.memcpy.<size>.mb_per_s (1 = as fast as one memcpy)",
}
SCHEMA: dict[str, str] = {
    "format": f"always {FORMAT!r}; bumped when a field changes meaning",
    "schema": "this description of every field",
    "machine.cpu": "CPU model (/proc/cpuinfo, sysctl or platform.processor())",
    "machine.cores": "os.cpu_count()",
    "machine.usable_cores": "CPUs this process may run on (os.sched_getaffinity), or null",
    "machine.caches": "CPU 0's data and unified cache sizes from Linux sysfs, or null",
    "machine.memory_bytes": "physical memory, or null",
    "machine.python": "implementation and version of the Python that ran the benchmark",
    "machine.python_build": "platform.python_build()",
    "machine.os": "platform.platform()",
    "machine.libc": "platform.libc_ver() (its malloc decides when a buffer is a new mapping)",
    "machine.pipe_buffer_bytes": "capacity of a new OS pipe (Linux F_GETPIPE_SZ), or null",
    "machine.start_method": "multiprocessing start method of every process of the run",
    "machine.date": "when the run started (UTC, ISO 8601)",
    "machine.command": "the command line of the run",
    "machine.load_average": "1/5/15-minute load averages at the start (others using the CPUs)",
    "machine.load_average_end": "the same at the end of the run",
    "machine.duration_s": "wall-clock seconds the whole run took",
    "settings.quick": "true for a --quick run (short rounds, one repetition)",
    "settings.repeats": "measured repetitions of every case (after one calibration pass)",
    "settings.target_seconds": "duration a timed round is calibrated to",
    "settings.seed": "seed of the shuffled order of cases in every repetition",
    "settings.sizes": "payload sizes of the throughput matrix",
    "settings.allocation_sizes": "extra sizes of limits.memcpy and memcpy_fresh (allocation)",
    "settings.timeout_seconds": "a session that reports nothing for this long fails the run",
    "settings.note": "free text given with --note (e.g. that the machine was busy), or null",
    "descriptions.throughput.<mechanism>.description": "what producer and consumer do exactly",
    "descriptions.throughput.<mechanism>.channel": (
        "raw channel that bounds it (limits.os_pipe or limits.socketpair), or null"
    ),
    "descriptions.latency.<mechanism>.description": "what one round trip is exactly",
    "descriptions.latency.<mechanism>.channel": "raw channel whose round trip bounds it",
    "throughput.<mechanism>.<size>.skipped": "why this combination was not measured",
    **{f"throughput.<mechanism>.<size>.{k}": v for k, v in _RATE.items()},
    "throughput.<mechanism>.<size>.channel_ratio": (
        "mb_per_s / limits.<channel>.<size>.mb_per_s, or null for shared memory and Array"
    ),
    "limits.memcpy.<size>.messages": _RATE["messages"],
    "limits.memcpy.<size>.samples_mb_per_s": _RATE["samples_mb_per_s"],
    "limits.memcpy.<size>.msgs_per_s": "copies per second of the best repetition (a limit)",
    "limits.memcpy.<size>.mb_per_s": (
        "MB/s of the best repetition: interference only slows a limit (benchmarks/methodology.py)"
    ),
    "limits.memcpy.<size>.median_mb_per_s": "MB/s of the median repetition",
    "limits.memcpy.<size>": (
        "one thread copying the pool messages in turn into one reused, pre-touched "
        "destination (memoryview slice assignment); also at settings.allocation_sizes"
    ),
    "limits.memcpy_fresh.<size>": "the same into a new bytes object per copy (allocation included)",
    "limits.memcpy_cached": "one 256 KiB source into one destination, both staying in cache",
    "limits.memcpy_cached.gb_per_s": "its median GB/s",
    "limits.memcpy_uncached": "limits.memcpy at the largest payload size",
    "limits.memcpy_uncached.gb_per_s": "its median GB/s",
    "limits.os_pipe.<size>": (
        "os.pipe() between two processes: os.write / os.readv, reused buffer; "
        "fields as limits.memcpy.<size> (best repetition), plus memcpy_ratio"
    ),
    "limits.socketpair.<size>": "socket.socketpair() between two processes, the same way",
    "limits.allocation.<size>.fresh_mb_per_s": "limits.memcpy_fresh.<size>.mb_per_s",
    "limits.allocation.<size>.reused_mb_per_s": "limits.memcpy.<size>.mb_per_s",
    "limits.allocation.<size>.fresh_ratio": (
        "memcpy_fresh / memcpy at that size: below 1 is the cost of a new buffer"
    ),
    "limits.round_trip.<channel>.median_us": (
        "median round trip of 64 B on the raw channel (µs), of the best session (a limit)"
    ),
    "limits.round_trip.<channel>.p99_us": "the lowest 99th percentile of the sessions (µs)",
    "limits.round_trip.<channel>": "the other fields as for latency.<mechanism>",
    "latency.<mechanism>.median_us": "median round trip of a 64-byte message (µs), median of sessions",
    "latency.<mechanism>.p99_us": "99th percentile round trip (µs), median of sessions",
    "latency.<mechanism>.round_trips": "round trips timed per session (last session)",
    "latency.<mechanism>.times_channel": "median_us / limits.round_trip.<channel>.median_us",
    "latency.<mechanism>.samples_median_us": "median of each session, in the order measured",
    "latency.<mechanism>.samples_p99_us": "p99 of each session, in the order measured",
    "recipe.<size>": "the large-array recipe (benchmarks/recipe.py: timed region, why one copy)",
    "recipe.<size>.mb_per_s": "size / transfer_ms, in MB/s",
    "recipe.<size>.transfer_ms": "median over sessions of each session's median transfer (ms)",
    "recipe.<size>.transfers": "transfers per session",
    "recipe.<size>.memcpy_ratio": "mb_per_s / limits.memcpy.<size>.mb_per_s (the target is >= 0.8)",
    "recipe.<size>.speedup_vs_queue": "mb_per_s / throughput.queue.<size>.mb_per_s",
    "recipe.<size>.samples_mb_per_s": "MB/s of each session's median transfer, in order measured",
    "probes.put.<queue>": "does put() return before delivery? (benchmarks/probes.py)",
    "probes.put.<queue>.size": "message size",
    "probes.put.<queue>.put_us": "median duration of the put() call (µs)",
    "probes.put.<queue>.delivered_us": "median time from put() to the consumer having it (µs)",
    "probes.put.<queue>.put_share": "put_us / delivered_us: near 0 means put() returns early",
}

_TOP = ("format", "schema", "machine", "settings", "descriptions", "throughput", "limits")
_TOP += ("latency", "recipe", "probes")


def validate(results: dict) -> None:
    """Raise ValueError naming every field that is missing or not plausible."""
    problems = []
    if results.get("format") != FORMAT:
        problems.append(f"format is {results.get('format')!r}, expected {FORMAT!r}")
    problems += [f"missing top-level {key!r}" for key in _TOP if key not in results]
    if problems:
        raise ValueError("; ".join(problems))
    for mechanism, by_size in results["throughput"].items():
        if mechanism not in results["descriptions"]["throughput"]:
            problems.append(f"throughput.{mechanism} has no description")
        for label, entry in by_size.items():
            where = f"throughput.{mechanism}.{label}"
            problems += _size_problems(label, where)
            if "skipped" in entry:
                if not isinstance(entry["skipped"], str) or not entry["skipped"]:
                    problems.append(f"{where}.skipped must give a reason")
                continue
            for field in ("msgs_per_s", "mb_per_s", "memcpy_ratio"):
                problems += _positive(entry.get(field), f"{where}.{field}")
    for group in ("memcpy", "memcpy_fresh", "os_pipe", "socketpair"):
        for label, entry in results["limits"].get(group, {}).items():
            where = f"limits.{group}.{label}"
            problems += _size_problems(label, where)
            if "skipped" not in entry:
                problems += _positive(entry.get("mb_per_s"), f"{where}.mb_per_s")
    for mechanism, entry in results["latency"].items():
        if "skipped" not in entry:
            for field in ("median_us", "p99_us"):
                problems += _positive(entry.get(field), f"latency.{mechanism}.{field}")
            if entry.get("p99_us", 0) < entry.get("median_us", 0):
                problems.append(f"latency.{mechanism}: p99 below the median")
    if not results["recipe"]:
        problems.append("recipe has no size")
    for label, entry in results["recipe"].items():
        problems += _size_problems(label, f"recipe.{label}")
        for field in ("mb_per_s", "memcpy_ratio"):
            problems += _positive(entry.get(field), f"recipe.{label}.{field}")
    if problems:
        raise ValueError("; ".join(problems))


def _size_problems(label: str, where: str) -> list[str]:
    try:
        parse_size(label)
    except ValueError:
        return [f"{where}: {label!r} is not a size label"]
    return []


def _positive(value, where: str) -> list[str]:
    if not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
        return [f"{where} should be a positive number, is {value!r}"]
    return []


def write(results: dict, path: Path, check=None) -> None:
    """Validate (with `check`, by default `validate`) and write the results as JSON."""
    (check or validate)(results)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(results, indent=2, ensure_ascii=False)
    # Lists of numbers on one line: the file stays short enough to read.
    text = re.sub(
        r"\[\s+((?:-?[\d.eE+-]+|null)(?:,\s+(?:-?[\d.eE+-]+|null))*)\s+\]",
        lambda m: "[" + re.sub(r",\s+", ", ", m.group(1)) + "]",
        text,
    )
    path.write_text(text + "\n", encoding="utf-8")


def read(path: Path, check=None) -> dict:
    """The results in `path`, validated with `check` (by default `validate`)."""
    results = json.loads(Path(path).read_text(encoding="utf-8"))
    (check or validate)(results)
    return results


def lookup(results: dict, dotted: str):
    """The value at a dotted path (`recipe.memcpy_ratio`, `throughput.queue.64B.mb_per_s`)."""
    node = results
    for depth, part in enumerate(dotted.split(".")):
        if not isinstance(node, dict) or part not in node:
            known = ", ".join(sorted(node)) if isinstance(node, dict) else "(not an object)"
            prefix = ".".join(dotted.split(".")[:depth]) or "the results"
            raise KeyError(f"{dotted!r}: {prefix} has no {part!r}; it has: {known}")
        node = node[part]
    return node


def leaf_paths(node, prefix: str = ""):
    """Every dotted path to a single value (not a list or object), schema excluded."""
    if isinstance(node, dict):
        for key, value in node.items():
            if not prefix and key == "schema":
                continue
            yield from leaf_paths(value, f"{prefix}.{key}" if prefix else key)
    elif not isinstance(node, list):
        yield prefix, node
