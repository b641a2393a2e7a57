"""How measurements are taken: bounded rounds, warm-up, interleaving, medians.

* Every measurement is a *round* of n operations timed as a whole with
  `time.perf_counter()`; n is chosen once per case by `calibrate`, which times
  growing rounds until one lasts a fifth of the target and scales n so that a
  round lasts about `target` seconds (the idea of `timeit.Timer.autorange`).
* The first pass over all cases (calibration) also serves as warm-up and is
  not recorded; every measured session warms up again in its fresh processes
  (imports, first touch of buffers, the Queue's feeder thread) before its round.
* The measured passes run every case once per repetition, in a new shuffled
  order each time (seeded; the seed is in the results), so that drift in the
  machine's state (another program, thermal limits) spreads over all cases
  instead of landing on the ones measured last.
* A mechanism's figure is the median over repetitions; latencies give the
  median and 99th percentile of the round trips within a session, then the
  median of those over sessions.
* A limit's figure (memcpy, the raw os.pipe and socketpair) is its best
  repetition instead: other programs on the machine can only make a copy or a
  raw pipe slower, never faster, so the best repetition is the closest estimate
  of what the machine allows (its median is kept as well).  On a busy machine
  the ratios of mechanisms to their limits therefore err low, not high.
"""

from __future__ import annotations

import math
import random
import statistics
from collections.abc import Callable, Iterator, Sequence


def calibrate(
    run_round: Callable[[int], float], target: float, min_n: int = 1, max_n: int = 10_000_000
) -> int:
    """The n for which `run_round(n)` (returning seconds) takes about `target` seconds."""
    n = 1
    while True:
        seconds = run_round(n)
        if seconds >= target / 5 or n >= max_n:
            return max(min_n, min(max_n, math.ceil(n * target / max(seconds, 1e-9))))
        # Grow by up to 10x, less when the round was already close.
        n = min(max_n, n * max(2, min(10, math.ceil(target / 5 / max(seconds, 1e-9)))))


def interleaved(cases: Sequence, repeats: int, rng: random.Random) -> Iterator[tuple[int, object]]:
    """(repetition, case) for every case in every repetition, shuffled per repetition."""
    for repetition in range(repeats):
        order = list(cases)
        rng.shuffle(order)
        for case in order:
            yield repetition, case


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile by the nearest-rank method (a value that occurred)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def significant(value: float | None, digits: int = 4) -> float | None:
    """`value` rounded to `digits` significant digits (keeps the JSON readable)."""
    if value is None or value == 0 or not math.isfinite(value):
        return value
    return round(value, digits - 1 - math.floor(math.log10(abs(value))))
