"""Check real runs against what the pages claim, and explain any difference.

A report names the page and line of the claim, the example file, the start
method and the interpreter, then shows a diff from the shown output to the
real one, so a failure can be understood without rerunning anything.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Callable

from verifier.claims import Expected, claiming, expected
from verifier.compare import diff, matches
from verifier.declarations import Example, OutputBlock
from verifier.interpreters import describe_python, python_version
from verifier.runner import DEFAULT_TIMEOUT, RunResult, run_program


@dataclass
class Verdict:
    """The outcome of running one example under one start method."""

    example: Example
    """The example that was run."""
    method: str
    """The start method it was run under."""
    stdout_kind: str = "terminal"
    """Where its stdout went: a terminal, or a file (see `verifier.pages.STDOUT_KINDS`)."""
    results: list[RunResult] = field(default_factory=list)
    """One result per run (more than one in the repeat mode)."""
    failures: list[str] = field(default_factory=list)
    """One report per page claim a run failed (empty: all runs matched all pages)."""
    failed_runs: int = 0
    """How many of the runs failed at least one claim."""

    @property
    def ok(self) -> bool:
        return not self.failures


@dataclass(frozen=True)
class Failure:
    """A way a run fails that no output text can express."""

    rule: str
    """`timeout`, `exit`, `stderr` (stderr with no block to show it) or `leftovers`."""
    message: str


def run_failures(result: RunResult, expected: Expected) -> list[Failure]:
    """The failures of `result` that are not a difference in text: a timeout, an
    unexpected exit status, stderr where the page shows none, processes or
    /dev/shm entries left behind.  The update mode refuses on exactly these."""
    found = []
    if result.timed_out:
        found.append(
            Failure(
                "timeout",
                f"timed out after {result.seconds:.1f} s: the process tree was killed "
                "(a hang, or a process that kept stdout/stderr open)",
            )
        )
    if expected.stderr is None and result.stderr:
        found.append(
            Failure(
                "stderr",
                "stderr must be empty (the page shows no stderr block), but got:\n"
                + _indent(result.stderr),
            )
        )
    if not result.timed_out and result.exit_code != expected.exit_code:
        found.append(
            Failure("exit", f"exit status {result.exit_code}, expected {expected.exit_code}")
        )
    if result.survivors:
        found.append(
            Failure(
                "leftovers",
                "processes still running after the program ended (now killed):\n"
                + _indent("\n".join(result.survivors)),
            )
        )
    if result.leaked:
        found.append(
            Failure(
                "leftovers",
                "left behind in /dev/shm (shared memory or semaphores never unlinked):\n"
                + _indent("\n".join(result.leaked)),
            )
        )
    return found


def differences(result: RunResult, expected: Expected) -> list[str]:
    """Every way `result` differs from the claims in `expected`: the run's
    failures (`run_failures`), the timeout first, and any difference in text."""
    failures = run_failures(result, expected)
    found = [f.message for f in failures if f.rule == "timeout"]
    stdout, stderr = expected.stdout, expected.stderr
    if not matches(stdout.text, result.stdout, wildcard=stdout.wildcard):
        found.append(_stream_diff("stdout", stdout, result.stdout))
    if stderr is not None and not matches(stderr.text, result.stderr, wildcard=stderr.wildcard):
        found.append(_stream_diff("stderr", stderr, result.stderr))
    return found + [f.message for f in failures if f.rule != "timeout"]


def verify(
    example: Example,
    method: str,
    *,
    python: str = sys.executable,
    timeout: float = DEFAULT_TIMEOUT,
    repeat: int = 1,
    stdout_mode: str | None = None,
    stdout_kind: str = "terminal",
    on_phase: Callable[[str, float], None] | None = None,
) -> Verdict:
    """Run `example` under `method` `repeat` times; check every page's claims.

    `stdout_kind="file"` checks the claims for a run with stdout redirected to
    a file, which is always run with a pipe; otherwise `stdout_mode` chooses
    how a terminal is given (see `verifier.runner.run_program`, which also says
    what `on_phase` gets).  Only the pages that claim this run are checked
    (`verifier.claims.claiming`)."""
    verdict = Verdict(example, method, stdout_kind=stdout_kind)
    version = python_version(python)
    if stdout_kind == "file":
        stdout_mode = "pipe"
    # What each page that claims this run expects, asked once, before any run.
    claims = [
        (shown.fence.where, expected(shown, method, version, stdout_kind))
        for shown in claiming(example, method, version, stdout_kind)
    ]
    for attempt in range(1, repeat + 1):
        result = run_program(
            example.code,
            filename=example.filename,
            start_method=method,
            python=python,
            timeout=timeout,
            stdout_mode=stdout_mode,
            on_phase=on_phase,
            files=example.companions(),
            container=example.container,
        )
        verdict.results.append(result)
        reports = [
            _header(example, where, method, python, attempt, repeat, stdout_kind)
            + "\n\n".join(found)
            for where, claim in claims
            if (found := differences(result, claim))
        ]
        verdict.failures += reports
        verdict.failed_runs += bool(reports)
    return verdict


def _header(
    example: Example,
    where: str,
    method: str,
    python: str,
    attempt: int,
    repeat: int,
    stdout_kind: str,
) -> str:
    others = [s.fence.where for s in example.shown if s.fence.where != where]
    lines = [
        f"page:         {where}" + (f"  (also shown at {', '.join(others)})" if others else ""),
        f"example:      {example.file}",
        f"start method: {method}",
        f"python:       {describe_python(python)}",
    ]
    if stdout_kind == "file":
        lines.append("stdout:       redirected to a file (python file.py > out.txt)")
    if repeat > 1:
        lines.append(f"run:          {attempt} of {repeat}")
    return "\n".join(lines) + "\n\n"


def _stream_diff(name: str, block: OutputBlock, actual: str) -> str:
    note = " (... wildcards allowed)" if block.wildcard else ""
    return f"{name} differs from the block at {block.fence.where}{note}:\n" + diff(
        block.text,
        actual,
        expected_label=f"shown {name} ({block.fence.where})",
        actual_label=f"actual {name}",
    )


def _indent(text: str) -> str:
    return "".join("    " + line for line in text.splitlines(keepends=True)).rstrip() + "\n"
