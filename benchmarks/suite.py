"""The whole run: every case calibrated once, measured in shuffled repetitions
(see `methodology`), then summarized into the results (see `results.SCHEMA`).

A case is one thing measured (a mechanism at one payload size, a round trip, a
limit, the recipe at one size, a probe); its `Measurement` calibrates and measures it.
"""

from __future__ import annotations

import multiprocessing
import random
import time
from collections import defaultdict
from dataclasses import dataclass, field

from benchmarks import latency, limits, machine, probes, recipe, throughput
from benchmarks.methodology import interleaved, median, significant
from benchmarks.results import FORMAT, SCHEMA
from benchmarks.sizes import (
    ALLOCATION_SIZES,
    CACHED_MEMCPY_SIZE,
    PAYLOAD_SIZES,
    parse_size,
    size_label,
)
from benchmarks.transports import RAW_CHANNELS, THROUGHPUT

PUT_PROBE_SIZE = 4 * 1024 * 1024
RECIPE_MIN_SIZE = 4 * 1024 * 1024
MB = 1e6


@dataclass
class Settings:
    start_method: str
    quick: bool = False
    repeats: int = 7
    target_seconds: float = 0.2
    sizes: list[int] = field(default_factory=lambda: list(PAYLOAD_SIZES))
    allocation_sizes: list[int] = field(default_factory=lambda: list(ALLOCATION_SIZES))
    recipe_sizes: list[int] | None = None  # default: the payload sizes from 4 MiB up
    seed: int = 0
    timeout_seconds: float = 300.0
    note: str | None = None

    @classmethod
    def for_run(cls, start_method: str, quick: bool, repeats: int | None, **extra) -> Settings:
        if quick:
            # Short rounds, one repetition, and no 64 MiB: rough numbers in under a minute.
            return cls(
                start_method,
                quick=True,
                repeats=repeats or 1,
                target_seconds=0.03,
                sizes=[s for s in PAYLOAD_SIZES if s <= 4 * 1024 * 1024],
                allocation_sizes=[],
                **extra,
            )
        return cls(start_method, repeats=repeats or 7, **extra)


# --- measurements: one case each, as (calibrate, measure) ------------------------


class Measurement:
    name = ""

    def calibrate(self, ctx, settings: Settings) -> None:
        raise NotImplementedError

    def measure(self, ctx, settings: Settings) -> dict:
        raise NotImplementedError


class ThroughputMeasurement(Measurement):
    def __init__(self, transport, size: int, group: str):
        self.transport, self.size, self.group = transport, size, group
        self.name = f"{group} {transport.key} {size_label(size)}"
        self.messages = 0

    def calibrate(self, ctx, settings):
        self.messages = throughput.measure(
            ctx, self.transport, self.size, None, settings.target_seconds, settings.timeout_seconds
        )

    def measure(self, ctx, settings):
        seconds = throughput.measure(
            ctx,
            self.transport,
            self.size,
            self.messages,
            settings.target_seconds,
            settings.timeout_seconds,
        )
        return {"messages": self.messages, "seconds": seconds}


class MemcpyMeasurement(Measurement):
    def __init__(self, size: int, fresh: bool = False, one_source: bool = False):
        self.size, self.fresh, self.one_source = size, fresh, one_source
        self.group = "memcpy_cached" if one_source else "memcpy_fresh" if fresh else "memcpy"
        self.name = f"limits {self.group} {size_label(size)}"
        self.copies = 0

    def _run(self, ctx, settings, copies):
        return limits.measure_memcpy(
            ctx,
            self.size,
            self.fresh,
            self.one_source,
            copies,
            settings.target_seconds,
            settings.timeout_seconds,
        )

    def calibrate(self, ctx, settings):
        self.copies = self._run(ctx, settings, None)

    def measure(self, ctx, settings):
        return {"messages": self.copies, "seconds": self._run(ctx, settings, self.copies)}


class LatencyMeasurement(Measurement):
    def __init__(self, round_trip, group: str):
        self.round_trip, self.group = round_trip, group
        self.name = f"{group} {round_trip.key}"

    def calibrate(self, ctx, settings):
        self.measure(ctx, settings)  # a warm-up session; nothing to choose

    def measure(self, ctx, settings):
        return latency.measure(
            ctx, self.round_trip, settings.target_seconds, settings.timeout_seconds
        )


class RecipeMeasurement(Measurement):
    def __init__(self, size: int):
        self.size = size
        self.name = f"recipe {size_label(size)}"
        self.transfers = 0

    def calibrate(self, ctx, settings):
        self.transfers = recipe.measure(
            ctx, self.size, None, settings.target_seconds, settings.timeout_seconds
        )

    def measure(self, ctx, settings):
        return recipe.measure(
            ctx, self.size, self.transfers, settings.target_seconds, settings.timeout_seconds
        )


class PutProbeMeasurement(Measurement):
    def __init__(self, kind: str, size: int):
        self.kind, self.size = kind, size
        self.name = f"probe {kind}.put {size_label(size)}"

    def calibrate(self, ctx, settings):
        self.measure(ctx, settings)

    def measure(self, ctx, settings):
        return probes.measure_put(
            ctx, self.kind, self.size, settings.target_seconds, settings.timeout_seconds
        )


def build_measurements(
    settings: Settings,
) -> tuple[list[Measurement], dict[tuple[str, str, int], str]]:
    """Every measurement of the run, and the skipped (group, key, size) combinations with why."""
    measurements: list[Measurement] = []
    skipped: dict[tuple[str, str, int], str] = {}
    for group, transports in (("throughput", THROUGHPUT), ("limits", RAW_CHANNELS)):
        for transport in transports:
            for size in settings.sizes:
                reason = transport.skip_reason(size)
                if reason:
                    skipped[(group, transport.key, size)] = reason
                else:
                    measurements.append(ThroughputMeasurement(transport, size, group))
    for size in sorted({*settings.sizes, *settings.allocation_sizes, *_recipe_sizes(settings)}):
        measurements += [MemcpyMeasurement(size), MemcpyMeasurement(size, fresh=True)]
    measurements.append(MemcpyMeasurement(CACHED_MEMCPY_SIZE, one_source=True))
    for group, round_trips in (
        ("latency", latency.ROUND_TRIPS),
        ("round_trip", latency.RAW_ROUND_TRIPS),
    ):
        for round_trip in round_trips:
            reason = round_trip.skip_reason()
            if reason:
                skipped[(group, round_trip.key, latency.SIZE)] = reason
            else:
                measurements.append(LatencyMeasurement(round_trip, group))
    measurements += [RecipeMeasurement(size) for size in _recipe_sizes(settings)]
    put_size = min(PUT_PROBE_SIZE, max(settings.sizes))
    measurements += [
        PutProbeMeasurement("Queue", put_size),
        PutProbeMeasurement("SimpleQueue", put_size),
    ]
    return measurements, skipped


def _recipe_sizes(settings: Settings) -> list[int]:
    if settings.recipe_sizes is not None:
        return settings.recipe_sizes
    return [size for size in settings.sizes if size >= RECIPE_MIN_SIZE]


# --- the run --------------------------------------------------------------------


def run(settings: Settings, progress=print) -> dict:
    started = time.monotonic()
    about = machine.describe(settings.start_method)
    ctx = multiprocessing.get_context(settings.start_method)
    measurements, skipped = build_measurements(settings)
    rng = random.Random(settings.seed)
    total = len(measurements) * (1 + settings.repeats)
    done = 0
    for _, measurement in interleaved(measurements, 1, rng):
        done += 1
        progress(f"[{done:4}/{total}] calibrate {measurement.name}")
        measurement.calibrate(ctx, settings)
    samples: dict[Measurement, list[dict]] = defaultdict(list)
    for repetition, measurement in interleaved(measurements, settings.repeats, rng):
        done += 1
        session_started = time.monotonic()
        sample = measurement.measure(ctx, settings)
        samples[measurement].append(sample)
        progress(
            f"[{done:4}/{total}] {repetition + 1}/{settings.repeats} {measurement.name}: "
            f"{_brief(sample)} ({time.monotonic() - session_started:.1f} s)"
        )
    about["load_average_end"] = machine.load_average()
    about["duration_s"] = round(time.monotonic() - started, 1)
    return summarize(settings, about, measurements, samples, skipped)


def _brief(sample: dict) -> str:
    if "transfers" in sample:
        return f"{sample['median_s'] * 1e3:.2f} ms per transfer"
    if "p99_s" in sample:
        return f"median {sample['median_s'] * 1e6:.1f} µs, p99 {sample['p99_s'] * 1e6:.1f} µs"
    if "put_s" in sample:
        return f"put {sample['put_s'] * 1e6:.0f} µs, delivered {sample['delivered_s'] * 1e6:.0f} µs"
    return f"{sample['messages'] / sample['seconds']:,.0f}/s"


# --- from samples to results ----------------------------------------------------


def _rate(samples: list[dict], size: int, limit: bool = False) -> dict:
    """Median rate of a mechanism; a limit's best (see `methodology`), with its median too."""
    per_second = [s["messages"] / s["seconds"] for s in samples]
    figure = max(per_second) if limit else median(per_second)
    rate = {
        "msgs_per_s": significant(figure),
        "mb_per_s": significant(figure * size / MB),
        "messages": samples[-1]["messages"],
        "samples_mb_per_s": [significant(r * size / MB) for r in per_second],
    }
    if limit:
        rate["median_mb_per_s"] = significant(median(per_second) * size / MB)
    return rate


def summarize(settings: Settings, about: dict, measurements, samples, skipped) -> dict:
    results: dict = {
        "format": FORMAT,
        "schema": SCHEMA,
        "machine": about,
        "settings": {
            "quick": settings.quick,
            "repeats": settings.repeats,
            "target_seconds": settings.target_seconds,
            "seed": settings.seed,
            "sizes": [size_label(s) for s in settings.sizes],
            "allocation_sizes": [size_label(s) for s in settings.allocation_sizes],
            "timeout_seconds": settings.timeout_seconds,
            "note": settings.note,
        },
        "descriptions": {
            "throughput": {
                t.key: {"description": t.description, "channel": t.limit}
                for t in THROUGHPUT + RAW_CHANNELS
            },
            "latency": {
                r.key: {"description": r.description, "channel": r.limit}
                for r in latency.ROUND_TRIPS + latency.RAW_ROUND_TRIPS
            },
        },
        "throughput": {t.key: {} for t in THROUGHPUT},
        "limits": {"memcpy": {}, "memcpy_fresh": {}, "os_pipe": {}, "socketpair": {}},
        "latency": {},
        "recipe": {},
        "probes": {"put": {}},
    }
    limit_results = results["limits"]
    recipes: list[RecipeMeasurement] = []
    for (group, key, size), reason in skipped.items():
        entry = {"skipped": reason}
        if group == "throughput":
            results["throughput"][key][size_label(size)] = entry
        elif group == "limits":
            limit_results[key][size_label(size)] = entry
        elif group == "latency":
            results["latency"][key] = entry
        else:
            limit_results.setdefault("round_trip", {})[key] = entry
    for measurement in measurements:
        got = samples[measurement]
        if isinstance(measurement, MemcpyMeasurement):
            rate = _rate(got, measurement.size, limit=True)
            if measurement.one_source:
                limit_results["memcpy_cached"] = {
                    "size": size_label(measurement.size),
                    "gb_per_s": significant(rate["mb_per_s"] / 1000),
                    **rate,
                }
            else:
                limit_results[measurement.group][size_label(measurement.size)] = rate
        elif isinstance(measurement, ThroughputMeasurement):
            tree = results["throughput"] if measurement.group == "throughput" else limit_results
            rate = _rate(got, measurement.size, limit=measurement.group == "limits")
            tree[measurement.transport.key][size_label(measurement.size)] = rate
        elif isinstance(measurement, LatencyMeasurement):
            # A limit's best session, a mechanism's median session (see `methodology`).
            pick = median if measurement.group == "latency" else min
            entry = {
                "median_us": significant(pick([s["median_s"] for s in got]) * 1e6),
                "p99_us": significant(pick([s["p99_s"] for s in got]) * 1e6),
                "round_trips": got[-1]["round_trips"],
                "samples_median_us": [significant(s["median_s"] * 1e6) for s in got],
                "samples_p99_us": [significant(s["p99_s"] * 1e6) for s in got],
            }
            if measurement.group == "latency":
                results["latency"][measurement.round_trip.key] = entry
            else:
                limit_results.setdefault("round_trip", {})[measurement.round_trip.key] = entry
        elif isinstance(measurement, RecipeMeasurement):
            recipes.append(measurement)
        elif isinstance(measurement, PutProbeMeasurement):
            put = median([s["put_s"] for s in got])
            delivered = median([s["delivered_s"] for s in got])
            results["probes"]["put"][_snake(measurement.kind)] = {
                "size": size_label(measurement.size),
                "put_us": significant(put * 1e6),
                "delivered_us": significant(delivered * 1e6),
                "put_share": significant(put / delivered, 2),
            }
    _add_ratios(results)
    for measurement in sorted(recipes, key=lambda measurement: measurement.size):
        _add_recipe(results, measurement, samples[measurement])
    for tree in (results["throughput"], limit_results):
        for key, entries in tree.items():
            if all(_is_size(label) for label in entries):
                tree[key] = dict(sorted(entries.items(), key=lambda item: parse_size(item[0])))
    return results


def _is_size(label: str) -> bool:
    try:
        parse_size(label)
    except ValueError:
        return False
    return True


def _snake(kind: str) -> str:
    return "simple_queue" if kind == "SimpleQueue" else kind.lower()


def _add_ratios(results: dict) -> None:
    limit_results = results["limits"]
    memcpy = limit_results["memcpy"]
    channels = results["descriptions"]["throughput"]
    for tree in (results["throughput"], {k: limit_results[k] for k in ("os_pipe", "socketpair")}):
        for key, by_size in tree.items():
            channel = channels[key]["channel"]
            for label, entry in by_size.items():
                if "skipped" in entry:
                    continue
                entry["memcpy_ratio"] = significant(
                    entry["mb_per_s"] / memcpy[label]["mb_per_s"], 3
                )
                if tree is results["throughput"]:
                    raw = limit_results[channel].get(label, {}) if channel else {}
                    entry["channel_ratio"] = (
                        significant(entry["mb_per_s"] / raw["mb_per_s"], 3)
                        if "mb_per_s" in raw
                        else None
                    )
    for label, fresh in limit_results["memcpy_fresh"].items():
        limit_results.setdefault("allocation", {})[label] = {
            "fresh_mb_per_s": fresh["mb_per_s"],
            "reused_mb_per_s": memcpy[label]["mb_per_s"],
            "fresh_ratio": significant(fresh["mb_per_s"] / memcpy[label]["mb_per_s"], 3),
        }
    largest = max(results["settings"]["sizes"], key=parse_size)
    limit_results["memcpy_uncached"] = {
        "size": largest,
        "gb_per_s": significant(memcpy[largest]["mb_per_s"] / 1000),
    }
    round_trip = limit_results.get("round_trip", {})
    for key, entry in results["latency"].items():
        channel = results["descriptions"]["latency"][key]["channel"]
        if "skipped" not in entry and "median_us" in round_trip.get(channel, {}):
            entry["times_channel"] = significant(
                entry["median_us"] / round_trip[channel]["median_us"], 3
            )


def _add_recipe(results: dict, measurement: RecipeMeasurement, got: list[dict]) -> None:
    label = size_label(measurement.size)
    transfer = median([s["median_s"] for s in got])
    mb_per_s = measurement.size / transfer / MB
    queue = results["throughput"]["queue"].get(label, {})
    results["recipe"][label] = {
        "mb_per_s": significant(mb_per_s),
        "transfer_ms": significant(transfer * 1e3),
        "transfers": got[-1]["transfers"],
        "memcpy_ratio": significant(mb_per_s / results["limits"]["memcpy"][label]["mb_per_s"], 3),
        "speedup_vs_queue": significant(mb_per_s / queue["mb_per_s"], 3)
        if "mb_per_s" in queue
        else None,
        "samples_mb_per_s": [significant(measurement.size / s["median_s"] / MB) for s in got],
    }
