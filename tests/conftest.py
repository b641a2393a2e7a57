"""pytest glue: options for the snippet runs, session-wide leak checks, summaries."""

from __future__ import annotations

import os
import secrets
import sys
from collections import Counter
from pathlib import Path

import pytest
from built_site import Site, build_site
from snippet_interpreters import snippet_pythons

from verifier import leaks
from verifier.catalog import REPO_ROOT
from verifier.pages import START_METHODS
from verifier.pythons import unverified, version_key
from verifier.run import DEFAULT_TIMEOUT, HAVE_PTY, run_dir_prefix


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("snippets", "verified snippets")
    group.addoption(
        "--start-methods",
        default=",".join(START_METHODS),
        help="comma-separated start methods to verify under (default: all three)",
    )
    group.addoption(
        "--snippet-python",
        default=sys.executable,
        help="interpreter(s) that run the snippets, comma-separated; every case runs once "
        "per interpreter (default: the one running pytest)",
    )
    group.addoption(
        "--snippet-timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        help=f"seconds before a snippet's process tree is killed (default {DEFAULT_TIMEOUT:g})",
    )
    group.addoption(
        "--snippet-repeat",
        type=int,
        default=1,
        help="run every (snippet x start method) this many times: a flake hunt",
    )
    group.addoption(
        "--site-root",
        type=Path,
        default=REPO_ROOT,
        help="verify the snippets of another site (the checker's own tests use fixture sites)",
    )
    group.addoption(
        "--stdout-mode",
        choices=["pty", "pipe", "unbuffered-pipe"],
        default=None,
        help="how snippets' stdout is captured (default: pty where available)",
    )


def pytest_configure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput"):
        # Names this session's run directories; xdist workers inherit it.
        os.environ["VERIFIER_SESSION"] = secrets.token_hex(4)
    if config.getoption("update_examples") and len(snippet_pythons(config)) > 1:
        raise pytest.UsageError("--update-examples rewrites pages from one interpreter's runs")
    if config.getoption("update_examples") and getattr(config.option, "numprocesses", None):
        raise pytest.UsageError(
            "--update-examples rewrites pages in place; run it without -n "
            "(python3 dev.py update does)"
        )
    config.addinivalue_line("markers", "xdist_group(name): keep these tests on one worker")


# --- the built site -----------------------------------------------------------


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    """Both languages, built once per worker; tests using it go in xdist_group("site")."""
    return build_site(tmp_path_factory.mktemp("site"))


# --- what was left behind by the whole session ------------------------------

_shm_at_start: set[str] = set()


def pytest_sessionstart(session: pytest.Session) -> None:
    _shm_at_start.update(leaks.shm_entries())


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if hasattr(session.config, "workerinput"):
        return  # the controller checks once, after every worker has finished
    # Another session may be running examples at the same time (the checker's
    # own tests start nested ones): its /dev/shm entries go away when its runs
    # end, so only entries that stay count.
    left = leaks.leftover_runs(run_dir_prefix()) + leaks.shm_leaks(
        _shm_at_start, patience=DEFAULT_TIMEOUT
    )
    if left:
        session.config._verifier_leftovers = left  # reported in the summary
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


# --- summaries ---------------------------------------------------------------


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    runs: Counter[str] = Counter()
    failed: Counter[str] = Counter()
    by_version: dict[str, Counter[str]] = {}
    for outcome in ("passed", "failed", "skipped"):
        for report in terminalreporter.stats.get(outcome, []):
            props = dict(getattr(report, "user_properties", []))
            if report.when != "call" or "snippet_runs" not in props:
                continue
            runs[props["start_method"]] += props["snippet_runs"]
            failed[props["start_method"]] += props["snippet_failed_runs"]
            by_version.setdefault(props["python_version"], Counter())[outcome] += 1
    if runs:
        per_method = ", ".join(
            f"{m} {runs[m]} runs/{failed[m]} failed" for m in START_METHODS if m in runs
        )
        terminalreporter.write_sep("-", "snippet runs")
        mode = config.getoption("stdout_mode") or (
            "pty" if HAVE_PTY else "unbuffered pipe (no pty here)"
        )
        terminalreporter.write_line(
            f"{sum(runs.values())} runs, {sum(failed.values())} failed ({per_method}); "
            f"stdout: {mode}"
        )
        terminalreporter.write_line(f"{'python':<10} {'passed':>7} {'failed':>7} {'skipped':>8}")
        for version in sorted(by_version, key=version_key):
            counts = by_version[version]
            terminalreporter.write_line(
                f"{version:<10} {counts['passed']:>7} {counts['failed']:>7} {counts['skipped']:>8}"
            )
        for line in unverified(list(by_version)):
            terminalreporter.write_line(f"{line:<10} not verified: no interpreter ran")
    left = getattr(config, "_verifier_leftovers", None)
    if left:
        terminalreporter.write_sep("!", "left behind after the test session")
        for item in left:
            terminalreporter.write_line(item)
