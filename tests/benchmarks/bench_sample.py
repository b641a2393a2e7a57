"""Made-up but complete results, summarized by the real code (no processes run).

`fake_results()` builds the run's measurements and feeds `suite.summarize`
samples derived from each one's name, so the results are deterministic and
have the exact shape a run writes.
"""

from __future__ import annotations

import re
import zlib

from benchmarks import machine, suite
from benchmarks.sizes import KiB

SIZES = [64, 4 * KiB, 256 * KiB]


def _spread(name: str, low: float, high: float) -> float:
    share = zlib.crc32(name.encode()) % 1000 / 1000
    return low + (high - low) * share


def fake_sample(measurement: suite.Measurement, repetition: int) -> dict:
    jitter = 1 + 0.01 * repetition
    if isinstance(measurement, suite.LatencyMeasurement):
        median = _spread(measurement.name, 15e-6, 400e-6) * jitter
        return {"median_s": median, "p99_s": median * 1.8, "round_trips": 1000}
    if isinstance(measurement, suite.RecipeMeasurement):
        return {"median_s": measurement.size / 8e9 * jitter, "transfers": 12}
    if isinstance(measurement, suite.PutProbeMeasurement):
        delivered = 0.004 * jitter
        put = delivered * (0.01 if measurement.kind == "Queue" else 0.9)
        return {"put_s": put, "delivered_s": delivered}
    size = measurement.size
    if isinstance(measurement, suite.MemcpyMeasurement):
        bytes_per_second = 9e9 if not measurement.fresh else 4e9
    else:
        bytes_per_second = _spread(measurement.name, 5e7, 4e9)
    # Small messages are bound by a per-message cost, as in real runs.
    seconds_per_message = size / bytes_per_second + _spread(measurement.name, 1e-7, 3e-5)
    return {"messages": 1000, "seconds": 1000 * seconds_per_message * jitter}


def fake_results(sizes: list[int] | None = None) -> dict:
    settings = suite.Settings(
        "fork",
        repeats=2,
        sizes=sizes or SIZES,
        allocation_sizes=[],
        recipe_sizes=[max(sizes or SIZES)],
        seed=1,
        note="made-up numbers for tests",
    )
    measurements, skipped = suite.build_measurements(settings)
    samples = {m: [fake_sample(m, r) for r in range(settings.repeats)] for m in measurements}
    about = machine.describe("fork")
    about.update(load_average_end=about["load_average"], duration_s=1.0)
    return suite.summarize(settings, about, measurements, samples, skipped)


def schema_pattern(path: str) -> str:
    """A SCHEMA path as a regular expression: <size>, <mechanism>, <queue>,
    <channel> and the like stand for one key each."""
    return re.sub(r"<[a-z]+>", r"[^.]+", re.escape(path).replace(r"\<", "<").replace(r"\>", ">"))
