"""The check kit's runner: `python check.py` on a reader's own machine.

The kit (built by `hooks/check_kit.py`, downloaded from the site) holds every example
program, the declarations the pages make about them (`claims.json`, written by
`verifier.declarations.dump`) and this package.  This module runs each program
the way the site's own test suite does, with the same code: a fresh
interpreter per run under every start method the platform has
(`verifier.verdict.verify`, `verifier.runner`), stdout on a pseudo-terminal
where there is one and on an unbuffered pipe where there is not, a timeout that
kills the process tree, and the checks for leftovers the platform allows.  It
compares each run with the claims that hold for this interpreter and this
operating system (`verifier.claims`), prints a table per page and a last line
`N passed, N failed`, and exits with 1 on any difference.

Which runs are made is decided by `verifier.plan`, as for the test suite:
what the pages claim nothing for here (a program shown for Linux only, on
macOS; a program that needs a newer Python) is *not claimed*, never a
failure; a run that needs something this machine lacks (NumPy, a C compiler)
is *skipped*, saying what is missing.

The test suite runs every example through this module too: its pytest plugin
runs `python -S check.py --only RUNS --json RESULTS` in each interpreter under
test, with the kit built as the site serves it, and turns each run's result
into a test (`verifier.pytest_plugin`).  Standard library only (the kit
carries `packaging`, which `verifier.claims` uses to read version ranges).
"""

from __future__ import annotations

import argparse
import datetime
import json
import multiprocessing
import os
import platform
import re
import secrets
import sys
import time
import traceback
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from verifier import processes, shm
from verifier.declarations import START_METHODS, Example, load, page_name_of
from verifier.interpreters import describe_python, python_version
from verifier.plan import NOT_CLAIMED, RUN, SKIPPED, UNAVAILABLE, Run, plan, runs
from verifier.runner import DEFAULT_TIMEOUT, HAVE_PTY, run_dir_prefix, sigint_as_in_a_terminal
from verifier.verdict import verify

DATA = "claims.json"
"""The kit's declarations and site facts, next to `check.py`."""

SUMMARY = re.compile(r"^(\d+) passed, (\d+) failed$", re.MULTILINE)
"""The kit's last line, for a CI log and for the tools that read it."""
PASSED, FAILED = "passed", "FAILED"
"""What a run that was made is; the other cells show `verifier.plan`'s status."""
_NOT_AVAILABLE = "-"
"""The table's cell for a start method this platform does not have."""


@dataclass
class Outcome:
    """A planned run and, once made, what it gave."""

    run: Run
    result: str = ""
    """`passed` or `FAILED` for a run made; else the plan's status."""
    failures: list[str] = field(default_factory=list)
    """The verifier's reports: page and line, example, start method, Python, diff."""
    runs: int = 0
    """How many times it was made (`--repeat`, `--only`)."""
    failed_runs: int = 0
    seconds: float = 0.0

    @property
    def cell(self) -> str:
        return _NOT_AVAILABLE if self.run.status == UNAVAILABLE else self.result


def main(argv: list[str] | None = None) -> int:
    """Run the kit (`python check.py --help` lists `argv`'s options).

    Returns:
        The exit status: 0 when every claimed run printed what the pages show,
        1 on any difference or leftover, 2 when nothing was checked at all.
    """
    args = _parser().parse_args(argv)
    # Page titles and diffs may hold characters the console's encoding lacks
    # (a Windows runner's cp1252 pipe): escape them rather than fail on them.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    kit = Path(args.kit).resolve()
    data = json.loads((kit / DATA).read_text(encoding="utf-8"))
    examples = load(data["declarations"], lambda path: (kit / path).read_bytes())
    imports = {
        item["file"]: tuple(item.get("imports", ())) for item in data["declarations"]["examples"]
    }
    if args.k:
        examples = [e for e in examples if any(word in e.id for word in args.k)]
    methods = [m for m in args.start_methods.split(",") if m]
    listed = runs(examples, methods)
    repeats = {run.id: args.repeat for run in listed}
    if args.only:
        wanted = json.loads(Path(args.only).read_text(encoding="utf-8"))
        by_id = {run.id: run for run in listed}
        unknown = [run_id for run_id, _ in wanted if run_id not in by_id]
        if unknown:
            print(f"check.py: no such run: {', '.join(unknown)}", file=sys.stderr)
            return 2
        listed = [by_id[run_id] for run_id, _ in wanted]
        repeats = dict(wanted)
    python = sys.executable
    version = python_version(python)
    mode = args.stdout_mode or ("pty" if HAVE_PTY else "unbuffered-pipe")
    os.environ["VERIFIER_SESSION"] = secrets.token_hex(4)  # names the run directories
    sigint_as_in_a_terminal()  # from the main thread, before runs start on others
    shm_before = shm.shm_entries()
    print(_heading(data["site"], python, mode, args.jobs), flush=True)

    def make(outcome: Outcome) -> Outcome:
        return _make(outcome, python, mode, args.timeout, repeats[outcome.run.id])

    outcomes: dict[str, list[tuple[Outcome, Future]]] = {}
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for run in plan(listed, version, python=python, imports=imports):
            outcome = Outcome(run, result=run.status)
            if run.status == RUN:
                future = pool.submit(make, outcome)
            else:
                future = Future()
                future.set_result(outcome)
            outcomes.setdefault(_page_of(run.example), []).append((outcome, future))
        # Each page's table as soon as its runs are done, in page order.
        for slug, page_runs in outcomes.items():
            done = [future.result() for _, future in page_runs]
            print(_page_table(slug, data["pages"].get(slug, {}), done), flush=True)
    every = [outcome for page_runs in outcomes.values() for outcome, _ in page_runs]
    made = [o for o in every if o.run.status != UNAVAILABLE]
    left = processes.leftover_runs(run_dir_prefix()) + shm.shm_leaks(
        shm_before, patience=args.timeout
    )
    counts = {s: sum(o.result == s for o in made) for s in (PASSED, FAILED, SKIPPED, NOT_CLAIMED)}
    for outcome in made:
        if outcome.failures:
            print("\n" + "=" * 78 + "\n" + "\n\n".join(outcome.failures), flush=True)
    if left:
        counts[FAILED] += 1
        print("\nleft behind after the check:\n" + "\n".join(f"    {item}" for item in left))
    if args.report:
        report = _report(data["site"], python, mode, made, counts, left)
        Path(args.report).write_text(report, encoding="utf-8")
    if args.json:
        Path(args.json).write_text(_results(version, every, left), encoding="utf-8")
    print()
    print(
        f"{len(made)} runs on {describe_python(python)}: {counts[SKIPPED]} skipped, "
        f"{counts[NOT_CLAIMED]} not claimed here"
        + (f"; report written to {args.report}" if args.report else "")
    )
    print(f"{counts[PASSED]} passed, {counts[FAILED]} failed")
    if not counts[PASSED] + counts[FAILED]:
        print("check.py: nothing was checked (see the tables above)", file=sys.stderr)
        return 2
    return 1 if counts[FAILED] else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="check.py",
        description="Run every example of the site on this machine and compare what it "
        "prints with what the pages show.",
    )
    parser.add_argument(
        "--report", metavar="FILE", help="also write a Markdown report to FILE (for a bug report)"
    )
    parser.add_argument(
        "--stdout-mode",
        choices=["pty", "unbuffered-pipe"],
        help="how a terminal is given to the programs (default: a pty where there is one)",
    )
    parser.add_argument(
        "--start-methods",
        "--methods",
        default=",".join(START_METHODS),
        help="comma-separated start methods to run under (default: all the platform has)",
    )
    parser.add_argument(
        "-k",
        action="append",
        metavar="WORD",
        help="only the examples whose name contains WORD, like queue/ or put_get (repeatable)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=max(1, min(os.cpu_count() or 1, 4)),
        help="runs at the same time (default: the number of CPUs, at most 4)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        help=f"seconds before a run's process tree is killed (default {DEFAULT_TIMEOUT:g})",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        metavar="N",
        help="make every run N times (a flake hunt); one differing run fails it",
    )
    parser.add_argument(
        "--only",
        metavar="FILE",
        help="make only the runs FILE lists, in its order: JSON [[run id, times], ...] "
        "(the test suite's way in)",
    )
    parser.add_argument(
        "--json", metavar="FILE", help="also write every run's status and failures to FILE"
    )
    parser.add_argument(
        "--kit", default=Path(__file__).resolve().parents[1], help=argparse.SUPPRESS
    )
    return parser


def _make(outcome: Outcome, python: str, mode: str, timeout: float, repeat: int) -> Outcome:
    """Make a planned run `repeat` times and check it against the pages."""
    run = outcome.run
    started = time.monotonic()
    try:
        verdict = verify(
            run.example,
            run.method,
            python=python,
            timeout=timeout,
            repeat=repeat,
            stdout_mode=mode,
            stdout_kind=run.stdout_kind,
        )
    # One run's trouble (say, a folder Windows will not delete) fails that run,
    # with what happened, and the kit goes on with the others.
    except Exception:  # noqa: BLE001
        report = (
            f"example:      {run.example.file}\nstart method: {run.method}\n"
            f"python:       {describe_python(python)}\n\n"
            f"the run could not be made or checked:\n{traceback.format_exc()}"
        )
        outcome.result, outcome.failures, outcome.runs, outcome.failed_runs = FAILED, [report], 1, 1
    else:
        outcome.result = PASSED if verdict.ok else FAILED
        outcome.failures = verdict.failures
        outcome.runs, outcome.failed_runs = len(verdict.results), verdict.failed_runs
    outcome.seconds = time.monotonic() - started
    return outcome


def _results(version: str, outcomes: list[Outcome], left: list[str]) -> str:
    """The `--json` file: per run id, what the plan decided and what the run gave."""
    return json.dumps(
        {
            "python": version,
            "runs": {
                o.run.id: {
                    "status": o.run.status,
                    "reason": o.run.reason,
                    "missing_packages": list(o.run.missing_packages),
                    "result": o.result,
                    "failures": o.failures,
                    "runs": o.runs,
                    "failed_runs": o.failed_runs,
                    "seconds": round(o.seconds, 3),
                }
                for o in outcomes
            },
            "left": left,
        },
        ensure_ascii=False,
        indent=1,
    )


def _page_of(example: Example) -> str:
    """The page an example belongs to: its folder is named after the page (a site
    that keeps its examples right in `examples/` gets one table for them all)."""
    try:
        return page_name_of(example.file)
    except ValueError:
        return "examples"


def _heading(site: dict, python: str, mode: str, jobs: int) -> str:
    shown = "a pseudo-terminal" if mode == "pty" else "an unbuffered pipe (no pty)"
    return (
        f"{site['name']}: check kit of {site['built']} (site commit {site['commit']})\n"
        f"Python {describe_python(python)} on {platform.platform()} ({sys.platform})\n"
        f"stdout: {shown}; start methods here: "
        f"{', '.join(multiprocessing.get_all_start_methods())}; {jobs} runs at a time\n"
    )


def _page_table(slug: str, page: dict, outcomes: list[Outcome]) -> str:
    """The page's examples, one row per example and stdout kind, one column per method."""
    title = " / ".join(page[lang]["title"] for lang in sorted(page, reverse=True))
    rows: dict[str, dict[str, Outcome]] = {}
    for outcome in outcomes:
        run = outcome.run
        name = run.example.filename + ("" if run.stdout_kind == "terminal" else " > file")
        rows.setdefault(name, {})[run.method] = outcome
    width = max(len(name) for name in rows) + 2
    lines = [f"{slug}: {title}" if title else slug]
    lines.append(("  " + "".ljust(width) + "".join(m.ljust(13) for m in START_METHODS)).rstrip())
    notes: dict[str, list[str]] = {}
    for name, by_method in rows.items():
        cells = [by_method[m].cell if m in by_method else "" for m in START_METHODS]
        lines.append("  " + name.ljust(width) + "".join(c.ljust(13) for c in cells).rstrip())
        for outcome in by_method.values():
            if outcome.run.reason and outcome.run.status != UNAVAILABLE:
                notes.setdefault(f"{outcome.result}: {outcome.run.reason}", []).append(
                    f"{name} {outcome.run.method}"
                )
    for note, where in notes.items():
        lines.append(f"  {note} ({len(where)} runs)")
    return "\n".join(lines) + "\n"


def _report(
    site: dict,
    python: str,
    mode: str,
    made: list[Outcome],
    counts: dict[str, int],
    left: list[str],
) -> str:
    """A Markdown report a reader can attach to a bug report."""
    fence = "````"
    lines = [
        f"# Check kit report: {site['name']}",
        "",
        f"- Kit: built {site['built']} from site commit `{site['commit']}`",
        f"- When: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"- Platform: {platform.platform()} (`sys.platform` {sys.platform}, {platform.machine()})",
        (
            f"- Python: {platform.python_implementation()} {platform.python_version()} "
            f"({', '.join(platform.python_build())}), {platform.python_compiler()}"
        ),
        f"- Interpreter: `{sys.executable}`",
        (
            f"- Start methods: {', '.join(multiprocessing.get_all_start_methods())} "
            f"(default {multiprocessing.get_start_method()})"
        ),
        f"- stdout: {'pseudo-terminal' if mode == 'pty' else 'unbuffered pipe (no pty)'}",
        (
            f"- Result: **{counts[PASSED]} passed, {counts[FAILED]} failed**, "
            f"{counts[SKIPPED]} skipped, {counts[NOT_CLAIMED]} not claimed here"
        ),
        "",
        "## Differences",
        "",
    ]
    failed = [o for o in made if o.failures]
    if not failed and not left:
        lines += ["None: every claimed run printed what the pages show.", ""]
    for outcome in failed:
        lines += [f"### {outcome.run.label}", ""]
        lines += [fence + "text", "\n\n".join(outcome.failures).rstrip(), fence, ""]
    if left:
        lines += ["### Left behind after the check", "", fence + "text", *left, fence, ""]
    lines += [
        "## Every run",
        "",
        "| Example | Start method | Result | Why |",
        "| --- | --- | --- | --- |",
    ]
    for outcome in made:
        run = outcome.run
        kind = "" if run.stdout_kind == "terminal" else " (stdout to a file)"
        lines.append(
            f"| `{run.example.id}`{kind} | {run.method} | {outcome.result} "
            f"| {run.reason.replace('|', '/')} |"
        )
    return "\n".join(lines) + "\n"
