"""How much the example verifier costs on top of simply running the programs.

    .venv/bin/python -m devtools.verifier_overhead [--repeats N] [--python PATH] [--out PATH]

The *floor* is what a reader pays to run every program the suite runs: the
sum of bare `python example.py` runs, one per (example x start method x stdout
kind) that tests/test_examples.py runs (a reader who also redirects stdout to
a file runs the program a second time, so those runs count too).  The runs
are listed by `verifier.runs`, as the suite lists them.  Each bare run starts
a fresh interpreter in a temporary directory (made before the clock starts),
with the start method forced exactly as the verifier forces it
(`VERIFIER_START_METHOD` and `verifier/_startup` on PYTHONPATH, the same
environment), stdout and stderr to plain pipes read until EOF, and no checks.

The *suite* is `pytest tests/test_examples.py --example-python=PYTHON`, wall
time, serial and with `-n WORKERS`.  For the parallel suite the ideal is
floor / WORKERS; since the workers share the CPUs with each other (and with
whatever else runs), the floor is also run WORKERS bare runs at a time, which
is the ideal this machine can actually reach.

Each repetition measures, in an order that alternates between repetitions:

1. the floor, each bare run paired with the verifier's run of the same example
   in this process (`verifier.verdict.verify`, no pytest), the two in
   alternating order, so that the verifier's own cost is measured under the
   same load as the bare run;
2. the serial suite;
3. the floor, WORKERS bare runs at a time;
4. the suite with -n WORKERS.

The suite's overhead is reported per repetition against that repetition's
floor (medians over repetitions).  On a machine busy with other work the
load drifts between the minutes the floor and the suite take, so the report
also gives an estimate built only from paired or same-run measurements: the
verifier's paired cost plus pytest's share of the suite's wall time.

Where the verifier's time goes beyond the bare run comes from
`on_phase` of `verifier.runner.run_program` (in the paired pass, and in the suite through
`example_seconds` in --junitxml): the run itself (pty, reader threads, waiting
for EOF), temporary directory and /dev/shm snapshot, the process-tree check,
the /dev/shm leak check, removing the directory, comparing with the pages,
pytest's per-test bookkeeping, and the session (interpreter start, imports,
reading the pages, collection, reports; collection alone is timed with
--collect-only).

Standard library only (pytest runs in a subprocess); writes JSON to --out.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from verifier import processes
from verifier.catalog import site_catalog
from verifier.interpreters import describe_python, python_version
from verifier.plan import RUN, plan, runs
from verifier.pytest_plugin import ExampleRun as Run
from verifier.runner import run_environment, write_program
from verifier.verdict import verify

ROOT = Path(__file__).resolve().parents[1]
BARE_TIMEOUT = 120.0
PHASES = ("setup", "run", "survivors", "shm", "cleanup")


# --- the floor ----------------------------------------------------------------


def bare_run(run: Run) -> float:
    """Seconds for `python example.py` under the run's start method: pipes, no checks."""
    with tempfile.TemporaryDirectory(prefix="verifier-floor-") as workdir:
        write_program(workdir, run.example.filename, run.example.code, run.example.companions())
        env = run_environment(run.method)
        started = time.monotonic()
        process = subprocess.Popen(
            [run.python, run.example.filename],
            cwd=workdir,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            **processes.new_process_group(),  # only so that a hang can be killed whole
        )
        try:
            process.communicate(timeout=BARE_TIMEOUT)
        except subprocess.TimeoutExpired:
            processes.kill_group(process)
            process.communicate()
            raise SystemExit(f"bare run of {run.id} timed out") from None
        return time.monotonic() - started


def verifier_run(run: Run) -> dict[str, float]:
    """Seconds for the verifier's check of one run (no pytest), and its phases."""
    phases: dict[str, float] = {}
    started = time.monotonic()
    verdict = verify(
        run.example,
        run.method,
        python=run.python,
        stdout_kind=run.stdout_kind,
        on_phase=phases.__setitem__,
    )
    seconds = {"verify": time.monotonic() - started, **phases}
    if not verdict.ok:
        print(f"warning: {run.id} failed:\n" + "\n".join(verdict.failures), file=sys.stderr)
    return seconds


def paired_pass(runs: list[Run]) -> dict[str, dict[str, float]]:
    """Per run: its bare run and the verifier's run, one right after the other."""
    found = {}
    for index, run in enumerate(runs):
        if index % 2:
            checked = verifier_run(run)
            bare = bare_run(run)
        else:
            bare = bare_run(run)
            checked = verifier_run(run)
        found[run.id] = {"bare": bare, **checked}
    return found


def parallel_floor(runs: list[Run], workers: int) -> tuple[float, float]:
    """Wall time of all bare runs, `workers` at a time, and the sum of their seconds."""
    started = time.monotonic()
    with ThreadPoolExecutor(workers) as pool:
        seconds = list(pool.map(bare_run, runs))
    return time.monotonic() - started, sum(seconds)


# --- the suite ----------------------------------------------------------------


def pytest_command(python: str, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "pytest",
        "tests/test_examples.py",
        "-q",
        "-p",
        "no:cacheprovider",
        f"--example-python={python}",
        *extra,
    ]


def suite(python: str, workers: int, scratch: Path, label: str) -> dict:
    """Run the example suite once; its wall time and per-test records."""
    junit = scratch / f"junit-{label}.xml"
    extra = ["-n", str(workers)] if workers > 1 else []
    command = pytest_command(python, *extra, f"--junitxml={junit}")
    log = scratch / f"pytest-{label}.log"
    started = time.monotonic()
    with open(log, "wb") as out:
        code = subprocess.call(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    wall = time.monotonic() - started
    if code != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        print(f"warning: {' '.join(command)} exited {code}:\n{tail}", file=sys.stderr)
    return {"wall": wall, "exit_code": code, "tests": read_junit(junit)}


def read_junit(path: Path) -> dict[str, dict]:
    """Per test id: pytest's time for the test and the verifier's phases."""
    tests = {}
    for run in ET.parse(path).iter("testcase"):
        name = run.get("name", "")
        test_id = name[name.index("[") + 1 : -1] if "[" in name else name
        props = {p.get("name"): p.get("value") for p in run.iter("property")}
        seconds = json.loads(props["example_seconds"]) if "example_seconds" in props else {}
        tests[test_id] = {"time": float(run.get("time", 0)), **seconds}
    return tests


def collection(python: str) -> float:
    """Wall time of a pytest session that only collects: start-up, imports, pages."""
    started = time.monotonic()
    subprocess.run(
        pytest_command(python, "--collect-only"), cwd=ROOT, capture_output=True, check=False
    )
    return time.monotonic() - started


# --- the analysis -------------------------------------------------------------


def totals(records: list[dict]) -> dict[str, float]:
    keys = ("bare", *PHASES, "verify", "time")
    return {k: sum(r.get(k, 0.0) for r in records if "verify" in r) for k in keys}


def pytest_share(run: dict) -> float:
    """Seconds of a suite run that are pytest's, not the verifier's."""
    return run["wall"] - totals(list(run["tests"].values()))["verify"]


def verifier_steps(t: dict[str, float], beyond: float) -> dict[str, float]:
    """The verifier's own steps in the totals `t`, its running of the program
    counted `beyond` the bare runs' seconds."""
    return {
        "run: pty, reader threads, EOF, beyond the bare runs": t["run"] - beyond,
        "temp dir, file, /dev/shm snapshot, pty open": t["setup"],
        "process-tree check (survivors)": t["survivors"],
        "/dev/shm leak check": t["shm"],
        "temp dir removal": t["cleanup"],
        "comparing with the pages (check.py)": t["verify"] - sum(t[k] for k in PHASES),
    }


def breakdown(paired: dict, run: dict) -> dict[str, float]:
    """Where one repetition's serial suite time went beyond the floor (seconds).

    The verifier's steps come from the paired pass (same load as the floor);
    pytest's share from the suite run; what remains is the load drifting
    between the two."""
    p = totals(list(paired.values()))
    s = totals(list(run["tests"].values()))
    parts = {
        "bare runs (the floor)": p["bare"],
        **verifier_steps(p, beyond=p["bare"]),
        "pytest per test (fixtures, reports)": s["time"] - s["verify"],
        "pytest session (start-up, collection, summary)": run["wall"] - s["time"],
    }
    parts["unexplained: load drift between floor and suite"] = run["wall"] - sum(parts.values())
    parts["(in the suite itself: survivors)"] = s["survivors"]
    parts["(in the suite itself: /dev/shm leak check)"] = s["shm"]
    return parts


def parallel_breakdown(run: dict, floor_sum: float) -> dict[str, float]:
    """The verifier's steps summed over the workers of a parallel suite run."""
    s = totals(list(run["tests"].values()))
    return {
        "bare runs, WORKERS at a time, summed": floor_sum,
        **verifier_steps(s, beyond=floor_sum),
        "pytest per test (fixtures, reports)": s["time"] - s["verify"],
    }


def spread(samples: list[float]) -> dict:
    return {
        "median": round(statistics.median(samples), 3),
        "min": round(min(samples), 3),
        "max": round(max(samples), 3),
        "samples": [round(s, 3) for s in samples],
    }


def summarize(args, python: str, runs: list[Run], skipped: int, reps: list[dict]) -> dict:
    floors = [totals(list(r["paired"].values()))["bare"] for r in reps]
    checked = [totals(list(r["paired"].values()))["verify"] for r in reps]
    serial = [r["serial"]["wall"] for r in reps]
    report: dict = {
        "python": describe_python(python),
        "version": python_version(python),
        "runs": len(runs),
        "skipped": skipped,
        "suite_runs_match": all(set(r["serial"]["tests"]) >= {c.id for c in runs} for r in reps),
        "repeats": len(reps),
        "cpus": os.cpu_count(),
        "load_average": [round(r["load"], 2) for r in reps],
        "floor_seconds": spread(floors),
        "suite_serial_seconds": spread(serial),
        "overhead_serial_pct": spread([100 * (s / f - 1) for s, f in zip(serial, floors)]),
        "verifier_paired_seconds": spread(checked),
        "overhead_verifier_paired_pct": spread(
            [100 * (c / f - 1) for c, f in zip(checked, floors)]
        ),
        "pytest_share_serial_seconds": spread([pytest_share(r["serial"]) for r in reps]),
        "overhead_serial_estimate_pct": spread(
            [
                100 * ((c + pytest_share(r["serial"])) / f - 1)
                for c, f, r in zip(checked, floors, reps)
            ]
        ),
        "collect_only_seconds": spread([r["collect"] for r in reps]),
    }
    mid = sorted(range(len(reps)), key=lambda i: serial[i] / floors[i])[len(reps) // 2]
    report["phases_serial_seconds"] = {
        k: round(v, 3) for k, v in breakdown(reps[mid]["paired"], reps[mid]["serial"]).items()
    }
    if args.workers > 1:
        n = args.workers
        parallel = [r["parallel"]["wall"] for r in reps]
        floor_parallel = [r["floor_parallel"] for r in reps]
        report.update(
            workers=n,
            suite_parallel_seconds=spread(parallel),
            floor_parallel_seconds=spread(floor_parallel),
            overhead_parallel_vs_ideal_pct=spread(
                [100 * (p / (f / n) - 1) for p, f in zip(parallel, floors)]
            ),
            overhead_parallel_vs_parallel_floor_pct=spread(
                [100 * (p / f - 1) for p, f in zip(parallel, floor_parallel)]
            ),
        )
        mid = sorted(range(len(reps)), key=lambda i: parallel[i] / floor_parallel[i])[
            len(reps) // 2
        ]
        report["phases_parallel_seconds_summed_over_workers"] = {
            k.replace("WORKERS", str(n)): round(v, 3)
            for k, v in parallel_breakdown(
                reps[mid]["parallel"], reps[mid]["floor_parallel_sum"]
            ).items()
        }
    # The runs that cost most beyond their bare run (paired, median over repetitions).
    extra = []
    for run in runs:
        records = [r["paired"][run.id] for r in reps]
        entry = {"id": run.id}
        for key in ("bare", "verify", *PHASES):
            entry[key] = round(statistics.median(rec[key] for rec in records), 3)
        entry["beyond_bare"] = round(
            statistics.median(rec["verify"] - rec["bare"] for rec in records), 3
        )
        extra.append(entry)
    extra.sort(key=lambda e: -e["beyond_bare"])
    report["largest_per_run_overheads"] = extra[:10]
    return report


def print_report(report: dict) -> None:
    def line(label: str, key: str) -> None:
        s = report[key]
        print(f"{label:<52} {s['median']:8.2f}  (min {s['min']:.2f}, max {s['max']:.2f})")

    print()
    print(f"{report['runs']} runs on {report['python']}, {report['repeats']} repetitions")
    print(f"load average at each repetition: {report['load_average']}")
    line("floor: sum of bare runs (s)", "floor_seconds")
    line("suite serial, wall (s)", "suite_serial_seconds")
    line("  overhead vs floor (%)", "overhead_serial_pct")
    line("verifier without pytest, paired with the floor (s)", "verifier_paired_seconds")
    line("  overhead vs floor (%)", "overhead_verifier_paired_pct")
    line("pytest's share of the serial suite (s)", "pytest_share_serial_seconds")
    line("  serial overhead from paired parts (%)", "overhead_serial_estimate_pct")
    if "workers" in report:
        n = report["workers"]
        line(f"floor: bare runs {n} at a time, wall (s)", "floor_parallel_seconds")
        line(f"suite -n {n}, wall (s)", "suite_parallel_seconds")
        line(f"  overhead vs floor/{n}, the ideal (%)", "overhead_parallel_vs_ideal_pct")
        line(
            f"  overhead vs bare runs {n} at a time (%)", "overhead_parallel_vs_parallel_floor_pct"
        )
    line("pytest --collect-only, wall (s)", "collect_only_seconds")
    print("\nwhere the serial suite's time goes (the median repetition, s):")
    for label, seconds in report["phases_serial_seconds"].items():
        print(f"  {label:<56} {seconds:8.2f}")
    if "phases_parallel_seconds_summed_over_workers" in report:
        print(f"\n-n {report['workers']}, summed over the workers (the median repetition, s):")
        for label, seconds in report["phases_parallel_seconds_summed_over_workers"].items():
            print(f"  {label:<56} {seconds:8.2f}")
    print("\nruns with the most time beyond their bare run (paired, median s):")
    for e in report["largest_per_run_overheads"]:
        phases = ", ".join(f"{p} {e[p]:.3f}" for p in PHASES)
        print(f"  {e['id']:<44} bare {e['bare']:.3f} verify {e['verify']:.3f} ({phases})")
    if not report["suite_runs_match"]:
        print("warning: the suite did not run every enumerated run")


# --- main ---------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3, help="repetitions (default 3)")
    parser.add_argument(
        "--python", default=sys.executable, help="interpreter that runs the examples"
    )
    parser.add_argument("--out", type=Path, default=None, help="write the JSON report here")
    parser.add_argument(
        "--workers", type=int, default=2, help="workers for the parallel suite (1: skip it)"
    )
    args = parser.parse_args(argv)
    python = os.path.abspath(args.python) if os.sep in args.python else args.python

    version = python_version(python)
    planned = plan(runs(site_catalog().examples), version, python=python)
    every_run = [Run(r, python, version, r.id) for r in planned]
    made = [r for r in every_run if r.run.status == RUN]
    skipped = len(every_run) - len(made)
    print(
        f"{len(made)} runs ({skipped} skipped) on {describe_python(python)}; "
        f"{args.repeats} repetitions, {os.cpu_count()} CPUs",
        flush=True,
    )
    reps: list[dict] = []
    failed = False
    with tempfile.TemporaryDirectory(prefix="verifier-overhead-") as tmp:
        scratch = Path(tmp)
        for rep in range(args.repeats):
            record: dict = {"load": os.getloadavg()[0]}
            print(f"repetition {rep + 1}/{args.repeats} (load {record['load']:.1f})", flush=True)

            def floor_step(record=record) -> None:
                record["paired"] = paired_pass(made)
                t = totals(list(record["paired"].values()))
                print(f"  floor {t['bare']:7.2f} s, verifier paired {t['verify']:7.2f} s")

            def serial_step(record=record, rep=rep) -> None:
                record["serial"] = suite(python, 1, scratch, f"serial-{rep}")
                print(f"  suite serial       {record['serial']['wall']:7.2f} s", flush=True)

            def floor_parallel_step(record=record) -> None:
                wall, summed = parallel_floor(made, args.workers)
                record.update(floor_parallel=wall, floor_parallel_sum=summed)
                print(f"  floor {args.workers} at a time  {wall:7.2f} s", flush=True)

            def parallel_step(record=record, rep=rep) -> None:
                record["parallel"] = suite(python, args.workers, scratch, f"n{rep}")
                wall = record["parallel"]["wall"]
                print(f"  suite -n {args.workers}         {wall:7.2f} s", flush=True)

            steps = [floor_step, serial_step, floor_parallel_step, parallel_step]
            if args.workers < 2:
                steps = steps[:2]
            if rep % 2:  # alternate which of each pair goes first
                steps = [steps[i ^ 1] for i in range(len(steps))]
            for step in steps:
                step()
            record["collect"] = collection(python)
            failed |= any(record[k]["exit_code"] for k in ("serial", "parallel") if k in record)
            reps.append(record)

    report = summarize(args, python, made, skipped, reps)
    print_report(report)
    if args.out:
        args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
