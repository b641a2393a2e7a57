"""The check kit's time against the site's own example suite, side by side.

    .venv/bin/python -m devtools.kit_speed [--repeats N] [--python PATH] [--jobs N] [--out PATH]

Both check the same runs on the same interpreter (every example x start
method x stdout kind the pages claim there), `--jobs` at a time: the suite as
`pytest tests/test_examples.py -n JOBS --example-python=PYTHON` (the command
`devtools.verifier_overhead` times), the kit as `PYTHON check.py --jobs JOBS`,
unpacked from the archive the site serves (`hooks.check_kit.build_kit`).
Each repetition runs both, one right after the other, in an order that
alternates between repetitions, so that the load of the machine weighs on
both alike; the ratio of each pair is reported, and their median.

Timings are reported, never asserted (tests/test_check_kit.py checks what the
kit finds, not how fast).  Standard library only, besides this repository.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from devtools.verifier_overhead import ROOT, suite
from hooks.check_kit import FOLDER, build_kit
from verifier.check import SUMMARY
from verifier.interpreters import describe_python


def kit_run(python: str, check: Path, jobs: int, log: Path) -> dict:
    """One run of the whole kit; its wall time and its summary line."""
    started = time.monotonic()
    with open(log, "wb") as out:
        code = subprocess.call(
            [python, str(check), "--jobs", str(jobs)],
            cwd=check.parent,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    wall = time.monotonic() - started
    text = log.read_text(encoding="utf-8", errors="replace")
    found = SUMMARY.findall(text)
    passed, failed = (int(n) for n in found[-1]) if found else (0, 0)
    if code != 0:
        print(f"warning: the kit exited {code}:\n{text[-3000:]}", file=sys.stderr)
    return {"wall": wall, "exit_code": code, "passed": passed, "failed": failed}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3, help="repetitions (default 3)")
    parser.add_argument("--python", default=sys.executable, help="the interpreter of both")
    parser.add_argument("--jobs", type=int, default=2, help="runs at a time in both (default 2)")
    parser.add_argument("--out", type=Path, default=None, help="write the JSON report here")
    args = parser.parse_args(argv)
    if args.repeats < 1 or args.jobs < 1:
        parser.error("--repeats and --jobs must be at least 1")
    python = os.path.abspath(args.python) if os.sep in args.python else args.python
    print(f"kit and suite on {describe_python(python)}, {args.jobs} runs at a time", flush=True)
    pairs = []
    with tempfile.TemporaryDirectory(prefix="kit-speed-") as tmp:
        scratch = Path(tmp)
        zipfile.ZipFile(io.BytesIO(build_kit(ROOT))).extractall(scratch)
        check = scratch / FOLDER / "check.py"
        for rep in range(args.repeats):
            timed = {}
            for which in ("suite", "kit") if rep % 2 == 0 else ("kit", "suite"):
                if which == "suite":
                    run = suite(python, args.jobs, scratch, f"{rep}")
                    log = (scratch / f"pytest-{rep}.log").read_text(encoding="utf-8")
                    passed = re.findall(r"(\d+) passed", log)
                    run = {
                        "wall": run["wall"],
                        "exit_code": run["exit_code"],
                        "passed": int(passed[-1]) if passed else 0,
                    }
                else:
                    run = kit_run(python, check, args.jobs, scratch / f"kit-{rep}.log")
                timed[which] = run
                print(f"  repetition {rep + 1}: {which} {run['wall']:.1f} s", flush=True)
            timed["ratio"] = timed["kit"]["wall"] / timed["suite"]["wall"]
            pairs.append(timed)
    ratios = [pair["ratio"] for pair in pairs]
    report = {
        "python": describe_python(python),
        "jobs": args.jobs,
        "cpus": os.cpu_count(),
        "repetitions": pairs,
        "ratio_median": round(statistics.median(ratios), 3),
        "ratio_min": round(min(ratios), 3),
        "ratio_max": round(max(ratios), 3),
    }
    last = pairs[-1]
    print(
        f"\nruns passed: suite {last['suite']['passed']}, kit {last['kit']['passed']} "
        f"({last['kit']['failed']} failed)"
    )
    print(
        f"kit / suite wall time: median {report['ratio_median']:.3f} "
        f"(min {report['ratio_min']:.3f}, max {report['ratio_max']:.3f}) over {len(pairs)} pairs"
    )
    if args.out:
        args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
