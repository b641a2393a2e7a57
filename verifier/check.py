"""Check real runs against what the pages claim, and explain any difference.

A report names the page and line of the claim, the example file, the start
method and the interpreter, then shows a diff from the shown output to the
real one, so a failure can be understood without rerunning anything.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from verifier.catalog import Snippet
from verifier.compare import diff, matches
from verifier.pages import Expected, OutputBlock
from verifier.run import (
    DEFAULT_TIMEOUT,
    RunResult,
    describe_python,
    python_version,
    run_program,
)


@dataclass
class Verdict:
    """The outcome of running one snippet under one start method."""

    snippet: Snippet
    """The program that was run."""
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


def problems(result: RunResult, expected: Expected) -> list[str]:
    """Every way `result` differs from the claims in `expected`."""
    found = []
    if result.timed_out:
        found.append(
            f"timed out after {result.seconds:.1f} s: the process tree was killed "
            "(a hang, or a process that kept stdout/stderr open)"
        )
    stdout, stderr = expected.stdout, expected.stderr
    if not matches(stdout.text, result.stdout, wildcard=stdout.wildcard):
        found.append(_stream_diff("stdout", stdout, result.stdout))
    if stderr is None:
        if result.stderr:
            found.append(
                "stderr must be empty (the page shows no stderr block), but got:\n"
                + _indent(result.stderr)
            )
    elif not matches(stderr.text, result.stderr, wildcard=stderr.wildcard):
        found.append(_stream_diff("stderr", stderr, result.stderr))
    if not result.timed_out and result.exit_code != expected.exit_code:
        found.append(f"exit status {result.exit_code}, expected {expected.exit_code}")
    if result.survivors:
        found.append(
            "processes still running after the program ended (now killed):\n"
            + _indent("\n".join(result.survivors))
        )
    if result.leaked:
        found.append(
            "left behind in /dev/shm (shared memory or semaphores never unlinked):\n"
            + _indent("\n".join(result.leaked))
        )
    return found


def verify(
    snippet: Snippet,
    method: str,
    *,
    python: str = sys.executable,
    timeout: float = DEFAULT_TIMEOUT,
    repeat: int = 1,
    stdout_mode: str | None = None,
    stdout_kind: str = "terminal",
) -> Verdict:
    """Run `snippet` under `method` `repeat` times; check every page's claims.

    `stdout_kind="file"` checks the claims for a run with stdout redirected to
    a file, which is always run with a pipe; otherwise `stdout_mode` chooses
    how a terminal is given (see `verifier.run.run_program`)."""
    verdict = Verdict(snippet, method, stdout_kind=stdout_kind)
    version = python_version(python)
    if stdout_kind == "file":
        stdout_mode = "pipe"
    claims = [
        shown
        for shown in snippet.shown
        if method in shown.methods
        and stdout_kind in shown.stdout_kinds
        and shown.runs_on(sys.platform)
        and any(b.holds_for(method, version, stdout_kind) for b in shown.outputs)
    ]
    for attempt in range(1, repeat + 1):
        result = run_program(
            snippet.code,
            filename=snippet.filename,
            start_method=method,
            python=python,
            timeout=timeout,
            stdout_mode=stdout_mode,
        )
        verdict.results.append(result)
        reports = [
            _header(snippet, shown.fence.where, method, python, attempt, repeat, stdout_kind)
            + "\n\n".join(found)
            for shown in claims
            if (found := problems(result, shown.expected(method, version, stdout_kind)))
        ]
        verdict.failures += reports
        verdict.failed_runs += bool(reports)
    return verdict


def _header(
    snippet: Snippet,
    where: str,
    method: str,
    python: str,
    attempt: int,
    repeat: int,
    stdout_kind: str,
) -> str:
    others = [s.fence.where for s in snippet.shown if s.fence.where != where]
    lines = [
        f"page:         {where}" + (f"  (also shown at {', '.join(others)})" if others else ""),
        f"example:      {snippet.example}",
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
