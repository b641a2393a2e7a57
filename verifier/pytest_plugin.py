"""The verifier's pytest plugin: every example a test, run as a reader runs it.

Registered through the `pytest11` entry point in `pyproject.toml` (as
pytest-examples registers its own), so any pytest in the project's venv has it.
It is the only module of `verifier` that imports pytest.  It provides:

* the command-line options (`--start-methods`, `--example-python`, ...);
* the `example_run` parameter: one `verifier.runs.Run` per (interpreter,
  example, start method, stdout kind), passed to the test whole, with the run's
  id as the test id (`queue/put_get.py-spawn`);
* the `verify_example` fixture, which makes the run and checks it against every
  page that shows the example (`verifier.verdict`), or with `--update-examples`
  rewrites the pages' outputs from real runs (`verifier.update`);
* the per-method and per-version summary at the end, and the session-wide
  check for processes and /dev/shm entries left behind.

A test module needs only one test function that takes `example_run` and
`verify_example` and calls `verify_example(example_run)`, as
`tests/test_examples.py` does.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from verifier import processes, shm
from verifier.catalog import REPO_ROOT, site_catalog
from verifier.declarations import START_METHODS
from verifier.interpreters import END_OF_LIFE, line_of, unverified, version_key
from verifier.runner import DEFAULT_TIMEOUT, HAVE_PTY, RunResult, run_dir_prefix
from verifier.runs import Run, runs
from verifier.update import methods_needed, plan
from verifier.verdict import verify

_UPDATE = pytest.StashKey["_UpdateState"]()
_SHM_AT_START = pytest.StashKey[set]()
_LEFTOVERS = pytest.StashKey[list]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("verifier", "verified examples")
    group.addoption(
        "--start-methods",
        default=",".join(START_METHODS),
        help="comma-separated start methods to verify under (default: all three)",
    )
    group.addoption(
        "--example-python",
        default=sys.executable,
        help="interpreter(s) that run the examples, comma-separated; every run is made "
        "once per interpreter (default: the one running pytest)",
    )
    group.addoption(
        "--example-timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        help=f"seconds before an example's process tree is killed (default {DEFAULT_TIMEOUT:g})",
    )
    group.addoption(
        "--example-repeat",
        type=int,
        default=1,
        help="make every run this many times: a flake hunt",
    )
    group.addoption(
        "--site-root",
        type=Path,
        default=REPO_ROOT,
        help="verify the examples of another site (the verifier's own tests use fixture sites)",
    )
    group.addoption(
        "--stdout-mode",
        choices=["pty", "pipe", "unbuffered-pipe"],
        default=None,
        help="how examples' stdout is captured (default: pty where available)",
    )


def example_pythons(config: pytest.Config) -> list[str]:
    """The interpreters given with --example-python, in order; paths made absolute,
    since each example runs in its own temporary directory."""
    given = [p for p in config.getoption("example_python").split(",") if p]
    return [os.path.abspath(p) if os.sep in p or "/" in p else p for p in given]


def pytest_configure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput"):
        # Names this session's run directories; xdist workers inherit it.
        os.environ["VERIFIER_SESSION"] = secrets.token_hex(4)
    if config.getoption("update_examples", False):
        if len(example_pythons(config)) > 1:
            raise pytest.UsageError("--update-examples rewrites pages from one interpreter's runs")
        if getattr(config.option, "numprocesses", None):
            raise pytest.UsageError(
                "--update-examples rewrites pages in place; run it without -n "
                "(python3 dev.py update does)"
            )
        config.stash[_UPDATE] = _UpdateState()


# --- the runs ----------------------------------------------------------------


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "example_run" not in metafunc.fixturenames:
        return
    config = metafunc.config
    wanted = tuple(config.getoption("start_methods").split(","))
    catalog = site_catalog(config.getoption("site_root").resolve())
    found = runs(catalog, example_pythons(config), wanted)
    metafunc.parametrize("example_run", found, ids=[run.id for run in found])


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In update mode, note the last selected run of each example: that test plans
    the example's rewrite, once the runs before it have been made.  Runs after
    deselection (`-k`, `--start-methods`), so a partial selection updates too."""
    state = config.stash.get(_UPDATE, None)
    if state is None:
        return
    for item in items:
        run = _run_of(item)
        if run is not None and run.stdout_kind == "terminal":
            state.selected.setdefault(run.example.id, set()).add(run.method)
            state.planner[run.example.id] = item.nodeid


def _run_of(item: pytest.Item) -> Run | None:
    callspec = getattr(item, "callspec", None)
    return callspec.params.get("example_run") if callspec else None


class _UpdateState:
    """What `--update-examples` keeps between the runs of one example."""

    def __init__(self) -> None:
        self.results: dict[tuple[str, str], RunResult] = {}
        self.selected: dict[str, set[str]] = {}
        """Per example, the start methods of its selected terminal runs."""
        self.planner: dict[str, str] = {}
        """Per example, the node id of the test that plans its rewrite."""


@pytest.fixture
def verify_example(request: pytest.FixtureRequest) -> Callable[[Run], None]:
    """Make a run and check it against every page that shows the example (skip it
    with the reason if the pages claim nothing for it here); with
    --update-examples, plan the rewrite of the pages' outputs instead."""
    config = request.config

    def check(run: Run) -> None:
        options = {
            "python": run.python,
            "timeout": config.getoption("example_timeout"),
            "stdout_mode": config.getoption("stdout_mode"),
        }
        record = request.node.user_properties
        if run.skip_reason:
            record += _summary_properties(run, runs=0, failed=0)
            pytest.skip(run.skip_reason)
        phases: dict[str, float] = {}

        def add(phase: str, seconds: float) -> None:
            phases[phase] = phases.get(phase, 0.0) + seconds

        started = time.monotonic()
        verdict = verify(
            run.example,
            run.method,
            repeat=config.getoption("example_repeat"),
            stdout_kind=run.stdout_kind,
            on_phase=add,
            **options,
        )
        phases["verify"] = time.monotonic() - started
        record += _summary_properties(run, runs=len(verdict.results), failed=verdict.failed_runs)
        # Where the time went, for --junitxml readers (devtools/verifier_overhead.py).
        seconds = {k: round(v, 6) for k, v in phases.items()}
        record.append(("example_seconds", json.dumps(seconds)))
        state = config.stash.get(_UPDATE, None)
        if state is None or run.stdout_kind != "terminal":
            if verdict.failures:
                pytest.fail("\n\n".join(verdict.failures), pytrace=False)
            return
        _update(request, state, run, verdict.results[-1], options)

    return check


def _update(
    request: pytest.FixtureRequest,
    state: _UpdateState,
    run: Run,
    result: RunResult,
    options: dict,
) -> None:
    example = run.example
    state.results[(example.id, run.method)] = result
    if state.planner.get(example.id) != request.node.nodeid:
        return  # the example's last selected run plans the rewrite
    selected = state.selected[example.id]
    results = {}
    for method in methods_needed(example, run.version, selected):
        if (example.id, method) not in state.results:
            state.results[(example.id, method)] = verify(example, method, **options).results[-1]
        results[method] = state.results[(example.id, method)]
    rewrites, refusals = plan(example, results, run.version, selected)
    if refusals:
        pytest.fail("not updated:\n\n" + "\n\n".join(refusals), pytrace=False)
    root = request.config.getoption("site_root").resolve()
    # pytest-examples' writer applies these at the end of the session.
    request.getfixturevalue("eval_example").to_update.extend(
        r.as_code_example(root) for r in rewrites
    )


def _summary_properties(run: Run, *, runs: int, failed: int) -> list[tuple[str, object]]:
    return [
        ("start_method", run.method),
        ("python_version", run.version),
        ("example_runs", runs),
        ("example_failed_runs", failed),
    ]


# --- what was left behind by the whole session ------------------------------


def pytest_sessionstart(session: pytest.Session) -> None:
    session.config.stash[_SHM_AT_START] = shm.shm_entries()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if hasattr(session.config, "workerinput"):
        return  # the controller checks once, after every worker has finished
    # Another session may be running examples at the same time (the verifier's
    # own tests start nested ones): its /dev/shm entries go away when its runs
    # end, so only entries that stay count.
    left = processes.leftover_runs(run_dir_prefix()) + shm.shm_leaks(
        session.config.stash[_SHM_AT_START], patience=DEFAULT_TIMEOUT
    )
    if left:
        session.config.stash[_LEFTOVERS] = left  # reported in the summary
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


# --- the summary --------------------------------------------------------------


def pytest_terminal_summary(terminalreporter, exitstatus, config: pytest.Config) -> None:
    made: Counter[str] = Counter()
    failed: Counter[str] = Counter()
    by_version: dict[str, Counter[str]] = {}
    for outcome in ("passed", "failed", "skipped"):
        for report in terminalreporter.stats.get(outcome, []):
            props = dict(getattr(report, "user_properties", []))
            if report.when != "call" or "example_runs" not in props:
                continue
            made[props["start_method"]] += props["example_runs"]
            failed[props["start_method"]] += props["example_failed_runs"]
            by_version.setdefault(props["python_version"], Counter())[outcome] += 1
    if made:
        per_method = ", ".join(
            f"{m} {made[m]} runs/{failed[m]} failed" for m in START_METHODS if m in made
        )
        terminalreporter.write_sep("-", "example runs")
        mode = config.getoption("stdout_mode") or (
            "pty" if HAVE_PTY else "unbuffered pipe (no pty here)"
        )
        terminalreporter.write_line(
            f"{sum(made.values())} runs, {sum(failed.values())} failed ({per_method}); "
            f"stdout: {mode}"
        )
        terminalreporter.write_line(f"{'python':<10} {'passed':>7} {'failed':>7} {'skipped':>8}")
        for version in sorted(by_version, key=version_key):
            counts = by_version[version]
            terminalreporter.write_line(
                f"{version:<10} {counts['passed']:>7} {counts['failed']:>7} {counts['skipped']:>8}"
                + (
                    f"  (EOL {END_OF_LIFE[line_of(version)]})"
                    if line_of(version) in END_OF_LIFE
                    else ""
                )
            )
        for line in unverified(list(by_version)):
            terminalreporter.write_line(f"{line:<10} not verified: no interpreter ran")
    left = config.stash.get(_LEFTOVERS, None)
    if left:
        terminalreporter.write_sep("!", "left behind after the test session")
        for item in left:
            terminalreporter.write_line(item)
