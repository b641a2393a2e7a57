"""The verifier's pytest plugin: every example a test, run as a reader runs it.

Registered through the `pytest11` entry point in `pyproject.toml` (as
pytest-examples registers its own), so any pytest in the project's venv has it.
It is the only module of `verifier` that imports pytest.  It is the second,
thin front end over the engine the check kit is (`verifier.check`,
`verifier.plan`):

* the command-line options (`--start-methods`, `--example-python`, ...);
* the `example_run` parameter: one `ExampleRun` per (interpreter, example,
  start method, stdout kind), listed by `verifier.plan.runs`, with the run's
  id as the test id (`queue/put_get.py-spawn-py3.13.18`);
* the `verify_example` fixture.  The first test of an interpreter and start
  method writes the check kit as the site serves it (`verifier.kit`) and runs
  it once in that interpreter, `python -S check.py --only RUNS --json RESULTS`,
  for every selected run of that interpreter and method, longest first; each
  test then asserts its run's result: the kit's failure report, or a skip
  with the reason the plan gave (`not claimed`, `skipped`, `unavailable`),
  never a silent pass.  So a green suite proves the kit on every Python by
  the same executions.  The runs of one interpreter and method share an xdist
  group (`--dist loadgroup`, as `dev.py test` runs), so one worker makes
  them; with `--update-examples` the runs are made in this process and
  rewrite the pages' outputs (`verifier.update`);
* `--repeat-where-likely`: more runs where a flake is likely (`verifier.repeats`);
* the per-method and per-version summary at the end, and the session-wide
  check for processes and /dev/shm entries left behind.

A test module needs only one test function that takes `example_run` and
`verify_example` and calls `verify_example(example_run)`, as
`tests/test_examples.py` does.
"""

from __future__ import annotations

import functools
import json
import os
import secrets
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from verifier import processes, shm
from verifier.catalog import REPO_ROOT, site_catalog
from verifier.declarations import START_METHODS, Example
from verifier.interpreters import END_OF_LIFE, line_of, python_version, unverified, version_key
from verifier.kit import assemble, write
from verifier.plan import RUN, SKIPPED, Run, plan, runs
from verifier.repeats import CHANGED, SLICED, WINDOW, Recent, claim_key, recent, times
from verifier.runner import DEFAULT_TIMEOUT, HAVE_PTY, RunResult, run_dir_prefix
from verifier.update import methods_needed
from verifier.update import plan as plan_update
from verifier.verdict import verify

EXAMPLES = "examples-py"
"""How the xdist groups of the example runs begin (`ExampleRun.group`)."""
DURATIONS = REPO_ROOT / "tests" / "example-durations.json"
"""Measured seconds per run (the slowest of its interpreters), per xdist group
and per test of no group, and the interpreter versions they were measured on:
the order the workers get their work in, longest first, and which interpreters
are new (`verifier.repeats`).  `--write-durations` rewrites it."""

_UPDATE = pytest.StashKey["_UpdateState"]()
_SHM_AT_START = pytest.StashKey[set]()
_LEFTOVERS = pytest.StashKey[list]()
_KIT = pytest.StashKey["_Kit"]()
_RECENT = pytest.StashKey[Recent]()


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
        "--repeat-where-likely",
        action="store_true",
        help=f"make runs whose inputs changed in the last {WINDOW} commits {CHANGED} times, "
        f"and this commit's slice of the others {SLICED} times (verifier.repeats)",
    )
    group.addoption(
        "--repeat-slice",
        metavar="N/M",
        help=f"with --repeat-where-likely, repeat slice N (of {WINDOW}) instead of this commit's",
    )
    group.addoption(
        "--example-jobs",
        type=int,
        default=1,
        help="runs the kit makes at a time in each pytest worker (default 1)",
    )
    group.addoption(
        "--write-durations",
        action="store_true",
        help=f"rewrite {DURATIONS.relative_to(REPO_ROOT)} from this session's runs",
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


@dataclass(frozen=True)
class ExampleRun:
    """One test: a run (`verifier.plan.Run`) on one interpreter."""

    run: Run
    python: str
    """The interpreter that runs the example."""
    version: str
    """Its version, like `3.13.18` (read once, when the runs are listed)."""
    id: str
    """The test id: the run's id, then `-py<version>` when there is more than one
    interpreter."""

    @property
    def example(self) -> Example:
        return self.run.example

    @property
    def method(self) -> str:
        return self.run.method

    @property
    def stdout_kind(self) -> str:
        return self.run.stdout_kind

    @property
    def cell(self) -> str:
        return f"{self.run.id}-py{self.version}"

    @property
    def group(self) -> str:
        """Its xdist group: one interpreter's runs under one start method, which
        one worker makes through one kit run."""
        return f"{EXAMPLES}{self.version}-{self.method}"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "example_run" not in metafunc.fixturenames:
        return
    config = metafunc.config
    wanted = tuple(config.getoption("start_methods").split(","))
    catalog = site_catalog(config.getoption("site_root").resolve())
    pythons = example_pythons(config)
    found = []
    for python in pythons:
        version = python_version(python)
        tag = f"-py{version}" if len(pythons) > 1 else ""
        found += [
            ExampleRun(run, python, version, run.id + tag) for run in runs(catalog.examples, wanted)
        ]
    metafunc.parametrize("example_run", found, ids=[r.id for r in found])


def _example_run(item: pytest.Item) -> ExampleRun | None:
    callspec = getattr(item, "callspec", None)
    return callspec.params.get("example_run") if callspec else None


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Group the runs of each interpreter and start method (one worker makes them
    through one kit), and make the longest first.  Before pytest-xdist's own hook,
    which reads the groups (`--dist loadgroup`)."""
    if config.stash.get(_UPDATE, None) is not None:
        return
    durations = _durations()
    measured, scopes = durations["seconds"], durations.get("groups", {})
    for item in items:
        run = _example_run(item)
        if run is not None:
            item.add_marker(pytest.mark.xdist_group(run.group))
    # xdist hands out a scope (a group, or a test of no group) whole, in the
    # order of its first test (dev.py turns off its reordering by test count):
    # the longest first, so that the workers finish together.  An example
    # group's seconds are its runs' measured seconds times the runs it makes;
    # another scope's are those recorded with --write-durations.
    likely = _likely(config)
    repeat = config.getoption("example_repeat")
    seconds: dict[int, float] = {}
    for item in items:
        run = _example_run(item)
        seconds[id(item)] = (
            measured.get(run.run.id, 1.0) * max(repeat, likely(run) if likely else 1)
            if run
            else scopes.get(item.nodeid, 0.0)
        )
    weight: dict[str, float] = {}
    for item in items:
        scope = _scope(item)
        weight[scope] = weight.get(scope, 0.0) + seconds[id(item)]
    weight.update({g: s for g, s in scopes.items() if g in weight and not g.startswith(EXAMPLES)})
    # A group of other tests never measured first: it may be the longest.
    weight.update(
        {g: float("inf") for g, s in weight.items() if not s and g not in scopes and _grouped(g)}
    )
    position = {id(item): n for n, item in enumerate(items)}

    def longest_first(item: pytest.Item) -> tuple[float, str, float, int]:
        scope = _scope(item)
        return (-weight[scope], scope, -seconds[id(item)], position[id(item)])

    items.sort(key=longest_first)


def _group(item: pytest.Item) -> str | None:
    marker = item.get_closest_marker("xdist_group")
    return (marker.args[0] if marker.args else marker.kwargs.get("name")) if marker else None


def _scope(item: pytest.Item) -> str:
    """What xdist's `loadgroup` hands out whole: the test's group, or the test."""
    return _group(item) or item.nodeid


def _grouped(scope: str) -> bool:
    return "::" not in scope


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session: pytest.Session) -> None:
    """In update mode, note the last selected run of each example: that test plans
    the example's rewrite, once the runs before it have been made.  After
    deselection (`-k`, `--start-methods`), so a partial selection updates too."""
    state = session.config.stash.get(_UPDATE, None)
    if state is None:
        return
    for item in session.items:
        run = _example_run(item)
        if run is not None and run.stdout_kind == "terminal":
            state.selected.setdefault(run.example.id, set()).add(run.method)
            state.planner[run.example.id] = item.nodeid


@functools.cache
def _durations() -> dict:
    """The durations file as this process first read it (the collection's order,
    each batch's repeats and the header read it; --write-durations rewrites it
    only at the end).  Not to be changed by callers."""
    try:
        return json.loads(DURATIONS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"pythons": [], "seconds": {}}


class _UpdateState:
    """What `--update-examples` keeps between the runs of one example."""

    def __init__(self) -> None:
        self.results: dict[tuple[str, str], RunResult] = {}
        self.selected: dict[str, set[str]] = {}
        """Per example, the start methods of its selected terminal runs."""
        self.planner: dict[str, str] = {}
        """Per example, the node id of the test that plans its rewrite."""


@pytest.fixture
def verify_example(request: pytest.FixtureRequest) -> Callable[[ExampleRun], None]:
    """Have the kit make a run and check it against every page that shows the
    example (skip it, with the plan's reason, if the run is not made here); with
    --update-examples, plan the rewrite of the pages' outputs instead."""
    config = request.config

    def check(example_run: ExampleRun) -> None:
        record = request.node.user_properties
        state = config.stash.get(_UPDATE, None)
        if state is not None:
            _update(request, state, example_run)
            return
        kit = _kit(request)
        result = kit.result(request.session, example_run)
        made, failed = result.get("runs", 0), result.get("failed_runs", 0)
        record += _summary_properties(example_run, runs=made, failed=failed)
        record.append(("example_seconds", json.dumps({"verify": result.get("seconds", 0.0)})))
        status, reason = result["status"], result["reason"]
        if status == SKIPPED and result.get("missing_packages"):
            # The suite prepares every interpreter with the examples' packages.
            pytest.fail(f"{reason}: the interpreter was not prepared (dev.py test does)")
        if status != RUN:
            pytest.skip(f"{status}: {reason}")
        failures = list(result["failures"])
        left = kit.left.pop(example_run.python, None)  # reported by the first run made
        if left:
            failures.append(
                "left behind after the kit's runs on this interpreter:\n"
                + "\n".join(f"    {item}" for item in left)
            )
        if failures:
            pytest.fail("\n\n".join(failures), pytrace=False)

    return check


def _kit(request: pytest.FixtureRequest) -> _Kit:
    config = request.config
    if _KIT not in config.stash:
        folder = request.getfixturevalue("tmp_path_factory").mktemp("check-kit")
        root = config.getoption("site_root").resolve()
        names = {"en": "the site's examples", "zh": "本站示例"}
        config.stash[_KIT] = _Kit(write(assemble(root, site_catalog(root), names), folder))
    return config.stash[_KIT]


class _Kit:
    """The check kit of this session, and the results of its runs so far."""

    def __init__(self, check_py: Path) -> None:
        self.check_py = check_py
        self.results: dict[str, dict] = {}
        """By test id."""
        self.left: dict[str, list[str]] = {}
        """By interpreter: what its kit run left behind, until a test reports it."""

    def result(self, session: pytest.Session, wanted: ExampleRun) -> dict:
        if wanted.id not in self.results:
            self._make(session.config, self._batch(session, wanted))
        return self.results[wanted.id]

    def _batch(self, session: pytest.Session, wanted: ExampleRun) -> list[ExampleRun]:
        """The runs to make with `wanted`: every selected run of its xdist group
        not made yet, when one worker makes them all; else `wanted` alone."""
        if getattr(session.config.option, "dist", "no") not in ("no", "loadgroup"):
            return [wanted]
        found = [_example_run(item) for item in session.items]
        return [
            r
            for r in found
            if r is not None and r.group == wanted.group and r.id not in self.results
        ]

    def _make(self, config: pytest.Config, batch: list[ExampleRun]) -> None:
        repeat = config.getoption("example_repeat")
        likely = _likely(config)
        only = [[r.run.id, max(repeat, likely(r) if likely else 1)] for r in batch]
        folder = self.check_py.parent
        stem = secrets.token_hex(4)
        only_file, json_file = folder / f"only-{stem}.json", folder / f"results-{stem}.json"
        only_file.write_text(json.dumps(only), encoding="utf-8")
        timeout = config.getoption("example_timeout")
        jobs = config.getoption("example_jobs")
        command = [batch[0].python, "-S", str(self.check_py), "--only", str(only_file)]
        command += ["--json", str(json_file), "--timeout", str(timeout), "--jobs", str(jobs)]
        mode = config.getoption("stdout_mode")
        if mode:
            command += ["--stdout-mode", mode]
        allowed = 300 + timeout * sum(n for _, n in only) / jobs
        output = ""
        try:
            done = subprocess.run(
                command, cwd=folder, capture_output=True, text=True, timeout=allowed, check=False
            )
            output = f"exit status {done.returncode}\n{done.stdout}{done.stderr}"
            found = json.loads(json_file.read_text(encoding="utf-8"))
        except (OSError, ValueError, subprocess.TimeoutExpired) as error:
            output = f"{error}\n{output or getattr(error, 'output', '') or ''}"
            found = {"runs": {}, "left": []}
        for r in batch:
            self.results[r.id] = found["runs"].get(r.run.id) or {
                "status": RUN,
                "reason": "",
                "failures": [f"the check kit gave no result for {r.run.id}:\n{output[-4000:]}"],
            }
        if found["left"]:
            self.left[batch[0].python] = found["left"]


def _likely(config: pytest.Config) -> Callable[[ExampleRun], int] | None:
    """With --repeat-where-likely, how many times to make each run (`verifier.repeats`)."""
    if not config.getoption("repeat_where_likely"):
        return None
    root = config.getoption("site_root").resolve()
    changes = _recent(config)
    given = config.getoption("repeat_slice")
    if given:
        changes = replace(changes, position=int(given.split("/")[0]))
    seen = set(_durations()["pythons"])  # none recorded: no interpreter counts as new

    def likely(r: ExampleRun) -> int:
        example = r.example
        inputs = [example.file, *(file for file, _ in example.files)]
        claims = [(_relative(shown.fence.page, root), claim_key(shown)) for shown in example.shown]
        return times(r.cell, inputs, bool(seen) and r.version not in seen, changes, claims)

    return likely


def _relative(path: Path, root: Path) -> str:
    return (path.relative_to(root) if path.is_absolute() else path).as_posix()


def _recent(config: pytest.Config) -> Recent:
    """What changed lately (`verifier.repeats.recent`): asked of git once per process."""
    if _RECENT not in config.stash:
        config.stash[_RECENT] = recent(REPO_ROOT)
    return config.stash[_RECENT]


def pytest_report_header(config: pytest.Config) -> list[str]:
    """Which runs are repeated, so that a failure reproduces (`verifier.repeats`)."""
    if not config.getoption("repeat_where_likely") or config.stash.get(_UPDATE, None):
        return []
    changes = _recent(config)
    shown = config.getoption("repeat_slice") or f"{changes.slice}/{WINDOW}"
    touched = sorted(changes.paths)
    more = f" and {len(touched) - 12} more" if len(touched) > 12 else ""
    return [
        (
            f"repeat where likely: commit {changes.commit} (#{changes.position}): runs whose "
            f"inputs changed in the last {WINDOW} commits x{CHANGED}, slice {shown} of the "
            f"others x{SLICED} (reproduce with --repeat-slice {shown})"
        ),
        f"  changed: {', '.join(touched[:12])}{more}",
    ]


def _update(request: pytest.FixtureRequest, state: _UpdateState, example_run: ExampleRun) -> None:
    (run,) = plan([example_run.run], example_run.version, python=example_run.python)
    if run.status != RUN:
        pytest.skip(f"{run.status}: {run.reason}")
    config = request.config
    options = {
        "python": example_run.python,
        "timeout": config.getoption("example_timeout"),
        "stdout_mode": config.getoption("stdout_mode"),
    }
    verdict = verify(run.example, run.method, stdout_kind=run.stdout_kind, **options)
    request.node.user_properties += _summary_properties(
        example_run, runs=len(verdict.results), failed=verdict.failed_runs
    )
    if run.stdout_kind != "terminal":
        if verdict.failures:
            pytest.fail("\n\n".join(verdict.failures), pytrace=False)
        return
    example = run.example
    state.results[(example.id, run.method)] = verdict.results[-1]
    if state.planner.get(example.id) != request.node.nodeid:
        return  # the example's last selected run plans the rewrite
    selected = state.selected[example.id]
    results = {}
    for method in methods_needed(example, example_run.version, selected):
        if (example.id, method) not in state.results:
            state.results[(example.id, method)] = verify(example, method, **options).results[-1]
        results[method] = state.results[(example.id, method)]
    rewrites, refusals = plan_update(example, results, example_run.version, selected)
    if refusals:
        pytest.fail("not updated:\n\n" + "\n\n".join(refusals), pytrace=False)
    root = config.getoption("site_root").resolve()
    # pytest-examples' writer applies these at the end of the session.
    request.getfixturevalue("eval_example").to_update.extend(
        r.as_code_example(root) for r in rewrites
    )


def _summary_properties(run: ExampleRun, *, runs: int, failed: int) -> list[tuple[str, object]]:
    return [
        ("start_method", run.method),
        ("python_version", run.version),
        ("example_run", run.run.id),
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


def _scope_seconds(terminalreporter) -> dict[str, float]:
    """Seconds per xdist group (pytest-xdist puts the group after an `@` in the
    test ids it reports), and per test of no group that took a second or more,
    in this session: every phase of every test."""
    found: dict[str, float] = {}
    for reports in terminalreporter.stats.values():
        for report in reports:
            nodeid, duration = getattr(report, "nodeid", ""), getattr(report, "duration", 0.0)
            grouped = "@" in nodeid
            example = "example_run" in dict(getattr(report, "user_properties", []))
            if nodeid and isinstance(duration, float) and (grouped or not example):
                scope = nodeid.rsplit("@", 1)[1] if grouped else nodeid
                found[scope] = found.get(scope, 0.0) + duration
    return {s: round(t, 1) for s, t in sorted(found.items()) if t >= 1 or _grouped(s)}


def pytest_terminal_summary(terminalreporter, exitstatus, config: pytest.Config) -> None:
    made: Counter[str] = Counter()
    failed: Counter[str] = Counter()
    by_version: dict[str, Counter[str]] = {}
    seconds: dict[str, float] = {}
    for outcome in ("passed", "failed", "skipped"):
        for report in terminalreporter.stats.get(outcome, []):
            props = dict(getattr(report, "user_properties", []))
            if report.when != "call" or "example_runs" not in props:
                continue
            if props["example_runs"] and "example_seconds" in props:
                each = json.loads(props["example_seconds"])["verify"] / props["example_runs"]
                run_id = props["example_run"]
                seconds[run_id] = max(seconds.get(run_id, 0.0), round(each, 2))
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
    if config.getoption("write_durations") and seconds:
        measured = {
            "pythons": sorted(by_version, key=version_key),
            "seconds": seconds,
            "groups": _scope_seconds(terminalreporter),
        }
        DURATIONS.write_text(json.dumps(measured, indent=1, sort_keys=True) + "\n")
        terminalreporter.write_line(f"durations of {len(seconds)} runs written to {DURATIONS}")
    left = config.stash.get(_LEFTOVERS, None)
    if left:
        terminalreporter.write_sep("!", "left behind after the test session")
        for item in left:
            terminalreporter.write_line(item)
