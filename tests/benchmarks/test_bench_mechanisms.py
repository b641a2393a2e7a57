"""Every mechanism delivers every message intact, under every start method.

Tiny sizes and a handful of messages: these tests check the benchmark code, never
its timings.  The consumer's checks (benchmarks.payload) run on every message;
test_bench_integrity.py shows that they fail when data is changed.
"""

from __future__ import annotations

import multiprocessing

import pytest

from benchmarks import latency, limits, probes, recipe, throughput
from benchmarks.sizes import KiB
from benchmarks.transports import BY_KEY as TRANSPORTS
from verifier.pages import START_METHODS

TIMEOUT = 60
AVAILABLE = multiprocessing.get_all_start_methods()
# The platform's default start method (the first listed) for tests that need only one.
DEFAULT = multiprocessing.get_context(AVAILABLE[0])


@pytest.fixture(params=[m for m in START_METHODS if m in AVAILABLE])
def ctx(request):
    return multiprocessing.get_context(request.param)


def _unless_skipped(reason: str | None) -> None:
    if reason:
        pytest.skip(reason)


@pytest.mark.parametrize("key", TRANSPORTS)
def test_transport_delivers_intact(ctx, key: str) -> None:
    _unless_skipped(TRANSPORTS[key].skip_reason(64))
    seconds = throughput.measure(ctx, TRANSPORTS[key], 64, 5, 0.01, TIMEOUT)
    assert seconds > 0


@pytest.mark.parametrize("key", [k for k, t in TRANSPORTS.items() if not t.skip_reason(256 * KiB)])
def test_transport_delivers_large_messages_intact(key: str) -> None:
    """Above payload.FULL_CHECK_MAX: stamps per message, every byte of some."""
    assert throughput.measure(DEFAULT, TRANSPORTS[key], 256 * KiB, 3, 0.01, TIMEOUT) > 0


def test_calibration_returns_a_message_count() -> None:
    transport = TRANSPORTS["pipe_send_bytes"]
    assert throughput.measure(DEFAULT, transport, 64, None, 0.01, TIMEOUT) >= 2


@pytest.mark.parametrize("key", latency.BY_KEY)
def test_round_trip_echoes_intact(ctx, key: str) -> None:
    _unless_skipped(latency.BY_KEY[key].skip_reason())
    measured = latency.measure(ctx, latency.BY_KEY[key], 0.001, TIMEOUT)
    assert measured["round_trips"] >= latency.MIN_TRIPS
    assert 0 < measured["median_s"] <= measured["p99_s"]


@pytest.mark.parametrize("fresh", [False, True], ids=["reused", "fresh"])
def test_memcpy_copies_intact(fresh: bool) -> None:
    assert limits.measure_memcpy(DEFAULT, 64 * KiB, fresh, False, 3, 0.01, TIMEOUT) > 0
    assert limits.measure_memcpy(DEFAULT, 64 * KiB, fresh, True, None, 0.001, TIMEOUT) >= 2


def test_recipe_hands_over_intact(ctx) -> None:
    measured = recipe.measure(ctx, 256 * KiB, recipe.MIN_TRANSFERS, 0.001, TIMEOUT)
    assert measured["transfers"] == recipe.MIN_TRANSFERS and measured["median_s"] > 0


def test_recipe_calibration_returns_a_transfer_count() -> None:
    assert recipe.measure(DEFAULT, 256 * KiB, None, 0.001, TIMEOUT) >= recipe.MIN_TRANSFERS


@pytest.mark.parametrize("kind", ["Queue", "SimpleQueue"])
def test_put_probe_times_put_and_delivery(kind: str) -> None:
    measured = probes.measure_put(DEFAULT, kind, 4 * KiB, 0.001, TIMEOUT)
    assert 0 < measured["put_s"] and 0 < measured["delivered_s"]
