"""The results file: written and read back unchanged, validated, documented; the methodology's helpers."""

from __future__ import annotations

import copy
import json
import multiprocessing
import random
import re
import subprocess
import sys

import pytest

from benchmarks import methodology, results, suite
from benchmarks.results import SCHEMA
from tests.benchmarks.bench_sample import fake_results, schema_pattern
from verifier.catalog import REPO_ROOT


def test_results_round_trip_through_json(tmp_path) -> None:
    made = fake_results()
    path = tmp_path / "results.json"
    results.write(made, path)
    assert results.read(path) == json.loads(json.dumps(made))
    text = path.read_text(encoding="utf-8")
    assert text.startswith("{\n  ") and re.search(r'"samples_mb_per_s": \[[\d.]+, [\d.]+\]', text)


def test_the_committed_reference_is_valid() -> None:
    reference = results.read(results.REFERENCE)
    assert reference["schema"] == SCHEMA
    assert not reference["settings"]["quick"]


def test_every_field_is_documented_in_the_schema() -> None:
    patterns = [re.compile(schema_pattern(p) + r"(\..*)?") for p in SCHEMA]
    undocumented = [
        path
        for path, _ in results.leaf_paths(fake_results())
        if not any(p.fullmatch(path) for p in patterns)
    ]
    assert not undocumented


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (lambda r: r.pop("recipe"), "missing top-level 'recipe'"),
        (lambda r: r.update(format="other/1"), "format is 'other/1'"),
        (lambda r: r["throughput"]["queue"]["64B"].update(mb_per_s=-1), "queue.64B.mb_per_s"),
        (lambda r: r["throughput"]["queue"]["64B"].pop("msgs_per_s"), "queue.64B.msgs_per_s"),
        (lambda r: r["throughput"]["queue"].update({"64XB": {}}), "not a size label"),
        (lambda r: r["throughput"]["array"]["256KiB"].update(skipped=""), "give a reason"),
        (lambda r: r["latency"]["pipe"].update(p99_us=0.5), "p99 below the median"),
        (lambda r: r["throughput"].update(new={}), "throughput.new has no description"),
    ],
)
def test_validation_names_what_is_wrong(change, complaint: str) -> None:
    broken = copy.deepcopy(fake_results())
    change(broken)
    with pytest.raises(ValueError, match=re.escape(complaint)):
        results.validate(broken)


def test_ratios_are_relative_to_the_limits_of_the_same_size() -> None:
    made = fake_results()
    queue, memcpy = made["throughput"]["queue"]["4KiB"], made["limits"]["memcpy"]["4KiB"]
    assert queue["memcpy_ratio"] == pytest.approx(queue["mb_per_s"] / memcpy["mb_per_s"], 1e-2)
    raw = made["limits"]["os_pipe"]["4KiB"]
    assert queue["channel_ratio"] == pytest.approx(queue["mb_per_s"] / raw["mb_per_s"], 1e-2)
    assert made["throughput"]["shm_view"]["4KiB"]["channel_ratio"] is None
    assert made["descriptions"]["throughput"]["pipe_send"]["channel"] == "socketpair"


def test_skipped_combinations_say_why() -> None:
    made = fake_results()
    assert "small" in made["throughput"]["array"]["256KiB"]["skipped"]
    assert list(made["throughput"]["array"]) == ["64B", "4KiB", "256KiB"]


def test_quick_settings_stay_small() -> None:
    quick = suite.Settings.for_run("spawn", quick=True, repeats=None)
    assert quick.repeats == 1 and max(quick.sizes) <= 4 * 1024 * 1024
    full = suite.Settings.for_run("spawn", quick=False, repeats=3)
    assert full.repeats == 3 and max(full.sizes) == 64 * 1024 * 1024


def test_calibration_aims_at_the_target() -> None:
    # A round of n operations that take 1 ms each.
    assert methodology.calibrate(lambda n: n * 0.001, target=0.2) == 200
    assert methodology.calibrate(lambda n: 1.0, target=0.2, min_n=3) == 3


def test_interleaving_shuffles_every_repetition_and_keeps_every_case() -> None:
    order = list(methodology.interleaved(range(20), 3, random.Random(5)))
    passes = [[case for rep, case in order if rep == r] for r in range(3)]
    assert all(sorted(p) == list(range(20)) for p in passes)
    assert passes[0] != passes[1] != passes[2]


def test_percentile_is_a_value_that_occurred() -> None:
    values = list(range(1, 101))
    assert methodology.percentile(values, 99) == 99 and methodology.percentile(values, 50) == 50
    assert methodology.percentile([3.0], 99) == 3.0


@pytest.mark.parametrize("command", ["show", "values"])
def test_command_line_reads_a_results_file(tmp_path, command: str) -> None:
    path = tmp_path / "results.json"
    results.write(fake_results(), path)
    shown = subprocess.run(
        [sys.executable, "-m", "benchmarks", command, str(path)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert ("recipe.256KiB.memcpy_ratio = " if command == "values" else "queue") in shown


def test_command_line_help_names_the_options() -> None:
    shown = subprocess.run(
        [sys.executable, "-m", "benchmarks", "run", "--help"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for option in ("--quick", "--out", "--start-method", "--repeats"):
        assert option in shown


def test_a_tiny_run_writes_valid_results(tmp_path) -> None:
    """The whole run, with real processes, at sizes and durations too small to mean anything."""
    settings = suite.Settings(
        multiprocessing.get_all_start_methods()[0],
        repeats=1,
        target_seconds=0.002,
        sizes=[64],
        allocation_sizes=[],
        recipe_sizes=[64 * 1024],
        seed=3,
        timeout_seconds=60,
    )
    lines: list[str] = []
    measured = suite.run(settings, progress=lines.append)
    results.write(measured, tmp_path / "tiny.json")
    assert set(measured["throughput"]) == set(measured["descriptions"]["throughput"]) - {
        "os_pipe",
        "socketpair",
    }
    assert measured["recipe"]["64KiB"]["memcpy_ratio"] > 0
    assert measured["probes"]["put"]["queue"]["put_us"] > 0
    assert len(lines) == 2 * len(suite.build_measurements(settings)[0])
