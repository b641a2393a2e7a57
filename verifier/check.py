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

What the pages claim nothing for here (a program shown for Linux only, on
macOS; a program that needs a newer Python) is *not claimed*, never a
failure.  A run that needs something this machine lacks (NumPy, a C compiler)
is *skipped*, saying what is missing.  Standard library only (the kit carries
`packaging`, which `verifier.claims` uses to read version ranges).
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
import traceback
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from verifier import processes, shm
from verifier.claims import claiming, skip_reason
from verifier.declarations import START_METHODS, Example, load
from verifier.interpreters import describe_python, python_version
from verifier.runner import DEFAULT_TIMEOUT, HAVE_PTY, run_dir_prefix, sigint_as_in_a_terminal
from verifier.tools import missing_modules, missing_programs
from verifier.verdict import verify

DATA = "claims.json"
"""The kit's declarations and site facts, next to `check.py`."""

SUMMARY = re.compile(r"^(\d+) passed, (\d+) failed$", re.MULTILINE)
"""The kit's last line, for a CI log and for the tools that read it."""
PASSED, FAILED, SKIPPED, NOT_CLAIMED = "passed", "FAILED", "skipped", "not claimed"
STATUSES = (PASSED, FAILED, SKIPPED, NOT_CLAIMED)
_NOT_AVAILABLE = "-"
"""The table's cell for a start method this platform does not have."""


@dataclass
class Outcome:
    """One run of the kit: an example under a start method, with stdout to a
    terminal or a file; its status, and why (a skip) or how (a failure)."""

    example: Example
    method: str
    stdout_kind: str
    status: str = ""
    reason: str = ""
    """Why it was skipped or not claimed."""
    failures: list[str] = field(default_factory=list)
    """The verifier's reports: page and line, example, start method, Python, diff."""

    @property
    def label(self) -> str:
        kind = "" if self.stdout_kind == "terminal" else " (stdout to a file)"
        return f"{self.example.id} under {self.method}{kind}"


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
    python = sys.executable
    version = python_version(python)
    mode = args.stdout_mode or ("pty" if HAVE_PTY else "unbuffered-pipe")
    available = multiprocessing.get_all_start_methods()
    methods = [m for m in START_METHODS if m in available and m in args.methods.split(",")]
    os.environ["VERIFIER_SESSION"] = secrets.token_hex(4)  # names the run directories
    sigint_as_in_a_terminal()  # from the main thread, before runs start on others
    shm_before = shm.shm_entries()
    print(_heading(data["site"], python, mode, args.jobs), flush=True)

    def one(outcome: Outcome) -> Outcome:
        return _check(outcome, version, python, mode, args.timeout, imports)

    outcomes: dict[str, list[tuple[Outcome, Future]]] = {}
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for example in examples:
            for method in example.methods:
                for kind in example.stdout_kinds:
                    outcome = Outcome(example, method, kind)
                    if method not in methods:
                        outcome.status = _NOT_AVAILABLE
                        future: Future = Future()
                        future.set_result(outcome)
                    else:
                        future = pool.submit(one, outcome)
                    outcomes.setdefault(_page_of(example), []).append((outcome, future))
        # Each page's table as soon as its runs are done, in page order.
        for slug, runs in outcomes.items():
            done = [future.result() for _, future in runs]
            print(_page_table(slug, data["pages"].get(slug, {}), done), flush=True)
    every = [future.result() for runs in outcomes.values() for _, future in runs]
    made = [o for o in every if o.status != _NOT_AVAILABLE]
    left = processes.leftover_runs(run_dir_prefix()) + shm.shm_leaks(
        shm_before, patience=args.timeout
    )
    counts = {s: sum(o.status == s for o in made) for s in STATUSES}
    for outcome in made:
        if outcome.failures:
            print("\n" + "=" * 78 + "\n" + "\n\n".join(outcome.failures), flush=True)
    if left:
        counts[FAILED] += 1
        print("\nleft behind after the check:\n" + "\n".join(f"    {item}" for item in left))
    if args.report:
        report = _report(data["site"], python, mode, made, counts, left, outcomes)
        Path(args.report).write_text(report, encoding="utf-8")
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
        "--kit", default=Path(__file__).resolve().parents[1], help=argparse.SUPPRESS
    )
    return parser


def _check(
    outcome: Outcome,
    version: str,
    python: str,
    mode: str,
    timeout: float,
    imports: dict[str, tuple[str, ...]],
) -> Outcome:
    """Decide whether the pages claim this run here; if so, make it and check it."""
    example, method, kind = outcome.example, outcome.method, outcome.stdout_kind
    reason = skip_reason(example, method, version)
    if reason is None and not claiming(example, method, version, kind):
        reason = f"no page claims an output for Python {version} here"
    if reason is not None:
        outcome.status, outcome.reason = NOT_CLAIMED, reason
        return outcome
    missing = missing_modules(python, imports.get(example.file, ()))
    missing += missing_programs(python, example.needs)
    if missing:
        outcome.status = SKIPPED
        outcome.reason = f"needs {', '.join(missing)}, which this Python does not find"
        if set(missing) & set(imports.get(example.file, ())):
            outcome.reason += " (pip install -r requirements.txt)"
        return outcome
    try:
        verdict = verify(
            example, method, python=python, timeout=timeout, stdout_mode=mode, stdout_kind=kind
        )
    # One run's trouble (say, a folder Windows will not delete) fails that run,
    # with what happened, and the kit goes on with the others.
    except Exception:  # noqa: BLE001
        report = (
            f"example:      {example.file}\nstart method: {method}\n"
            f"python:       {describe_python(python)}\n\n"
            f"the run could not be made or checked:\n{traceback.format_exc()}"
        )
        outcome.status, outcome.failures = FAILED, [report]
        return outcome
    outcome.status = PASSED if verdict.ok else FAILED
    outcome.failures = verdict.failures
    return outcome


def _page_of(example: Example) -> str:
    """The page an example belongs to: its folder is named after the page."""
    return example.file.split("/")[1]


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
        name = outcome.example.filename + ("" if outcome.stdout_kind == "terminal" else " > file")
        rows.setdefault(name, {})[outcome.method] = outcome
    width = max(len(name) for name in rows) + 2
    lines = [f"{slug}: {title}" if title else slug]
    lines.append(("  " + "".ljust(width) + "".join(m.ljust(13) for m in START_METHODS)).rstrip())
    notes: dict[str, list[str]] = {}
    for name, by_method in rows.items():
        cells = [by_method[m].status if m in by_method else "" for m in START_METHODS]
        lines.append("  " + name.ljust(width) + "".join(c.ljust(13) for c in cells).rstrip())
        for outcome in by_method.values():
            if outcome.reason:
                notes.setdefault(f"{outcome.status}: {outcome.reason}", []).append(
                    f"{name} {outcome.method}"
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
    outcomes: dict[str, list[tuple[Outcome, Future]]],
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
        lines += [f"### {outcome.label}", ""]
        lines += [fence + "text", "\n\n".join(outcome.failures).rstrip(), fence, ""]
    if left:
        lines += ["### Left behind after the check", "", fence + "text", *left, fence, ""]
    lines += [
        "## Every run",
        "",
        "| Example | Start method | Result | Why |",
        "| --- | --- | --- | --- |",
    ]
    for runs in outcomes.values():
        for outcome, _ in runs:
            if outcome.status != _NOT_AVAILABLE:
                kind = "" if outcome.stdout_kind == "terminal" else " (stdout to a file)"
                lines.append(
                    f"| `{outcome.example.id}`{kind} | {outcome.method} | {outcome.status} "
                    f"| {outcome.reason.replace('|', '/')} |"
                )
    return "\n".join(lines) + "\n"
