"""benchmarks/beyond.py: a tiny real run gives valid results, the committed
results are a full run on Python 3.14+, and validation names what is wrong."""

from __future__ import annotations

import copy
import multiprocessing
import re
import sys

import pytest

from benchmarks import beyond
from tests.benchmarks.bench_sample import schema_pattern


@pytest.fixture(scope="module")
def tiny() -> dict:
    """A real run, on this interpreter, far too short to mean anything."""
    settings = beyond.Settings(multiprocessing.get_all_start_methods()[0], quick=True, repeats=1)
    return beyond.run(settings)


def test_a_tiny_run_writes_valid_results(tiny, tmp_path) -> None:
    beyond.write(tiny, tmp_path / "beyond.json")
    assert beyond.read(tmp_path / "beyond.json") == tiny
    assert tiny["channels"]["pipe"]["round_trip_times_pipe"] == 1
    assert tiny["executors"]["process_pool"]["task_us"] > 0
    assert tiny["dask"]["4MiB"]["times_pipe"] > 0
    assert tiny["limits"]["memcpy"]["64MiB"]["mb_per_s"] > 0
    assert tiny["channels"]["mp_queue"]["1MiB"]["memcpy_ratio"] > 0


def test_what_needs_a_newer_python_says_so(tiny) -> None:
    if sys.version_info >= (3, 14):
        assert "skipped" not in tiny["channels"]["interp_queue"]
    else:
        assert tiny["channels"]["interp_queue"] == {"skipped": beyond.NEEDS_314}
        assert tiny["executors"]["interpreter_pool"] == {"skipped": beyond.NEEDS_314}


def test_the_committed_results_are_a_full_run_on_python_3_14_or_newer() -> None:
    committed = beyond.read(beyond.RESULTS)
    assert committed["schema"] == beyond.SCHEMA
    assert not committed["settings"]["quick"] and committed["settings"]["repeats"] >= 5
    major, minor = map(int, committed["versions"]["python"].split(".")[:2])
    assert (major, minor) >= (3, 14)
    assert not [path for path, _ in beyond.measured_fields(committed) if path.endswith(".skipped")]


def test_every_field_is_documented_in_the_schema() -> None:
    committed = beyond.read(beyond.RESULTS)
    patterns = [re.compile(schema_pattern(p)) for p in beyond.SCHEMA]
    paths = [p for p, _ in beyond.measured_fields(committed)]
    assert paths and not [p for p in paths if not any(pattern.fullmatch(p) for pattern in patterns)]


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (lambda r: r.update(format="other/1"), "format is 'other/1'"),
        (lambda r: r.pop("dask"), "missing top-level 'dask'"),
        (lambda r: r["channels"]["pipe"].update(round_trip_us=0), "pipe.round_trip_us is 0"),
        (lambda r: r["channels"].pop("tcp"), "channels.tcp is missing"),
        (lambda r: r["executors"].update(process_pool={"skipped": ""}), "must give a reason"),
    ],
)
def test_validation_names_what_is_wrong(change, complaint: str) -> None:
    broken = copy.deepcopy(beyond.read(beyond.RESULTS))
    change(broken)
    with pytest.raises(ValueError, match=re.escape(complaint)):
        beyond.validate(broken)
