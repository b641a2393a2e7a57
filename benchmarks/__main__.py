"""Command line: `python -m benchmarks run|show|values` (see --help)."""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
from pathlib import Path

from benchmarks import beyond, results, suite
from benchmarks.report_text import summary
from benchmarks.results import LATEST, REFERENCE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Throughput and latency of Python's inter-process mechanisms, "
        "against memcpy and raw OS pipes measured in the same run.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="measure everything and write the results as JSON")
    run.add_argument("--quick", action="store_true", help="short rounds, up to 4 MiB (~1 min)")
    run.add_argument("--out", type=Path, default=LATEST, help=f"default: {_shown(LATEST)}")
    run.add_argument(
        "--start-method",
        choices=multiprocessing.get_all_start_methods(),
        default=multiprocessing.get_start_method(),
        help="for every process of the run (default: this platform's, %(default)s)",
    )
    run.add_argument("--repeats", type=int, help="measured repetitions (default 7, quick 1)")
    run.add_argument("--seed", type=int, help="order of the cases (default: random, recorded)")
    run.add_argument("--note", help="recorded with the results, e.g. 'machine busy'")
    more = commands.add_parser(
        "beyond",
        help="subinterpreters, TCP and Dask against Queue and Pipe (Python 3.14+ for all cases)",
    )
    more.add_argument("--quick", action="store_true", help="fewer messages, one repetition")
    more.add_argument(
        "--out", type=Path, default=beyond.LATEST, help=f"default: {_shown(beyond.LATEST)}"
    )
    more.add_argument(
        "--start-method",
        choices=multiprocessing.get_all_start_methods(),
        default=multiprocessing.get_start_method(),
        help="for the child processes (default: this platform's, %(default)s)",
    )
    more.add_argument("--repeats", type=int, help="measured repetitions (default 5, quick 1)")
    more.add_argument("--seed", type=int, help="order of the cases (default: random, recorded)")
    for name, help_ in (("show", "print a summary"), ("values", "list every value path")):
        command = commands.add_parser(name, help=f"{help_} of a results file")
        command.add_argument("path", type=Path, nargs="?", default=REFERENCE)
    args = parser.parse_args(argv)

    if args.command == "run":
        if args.repeats is not None and args.repeats < 1:
            parser.error("--repeats must be at least 1")
        settings = suite.Settings.for_run(
            args.start_method,
            args.quick,
            args.repeats,
            seed=random.randrange(2**32) if args.seed is None else args.seed,
            note=args.note,
        )
        measured = suite.run(settings, progress=lambda line: print(line, file=sys.stderr))
        results.write(measured, args.out)
        print(summary(measured))
        print(f"\nwritten to {_shown(args.out)}")
    elif args.command == "beyond":
        if args.repeats is not None and args.repeats < 1:
            parser.error("--repeats must be at least 1")
        settings = beyond.Settings(
            args.start_method,
            quick=args.quick,
            repeats=args.repeats or (1 if args.quick else 5),
            seed=random.randrange(2**32) if args.seed is None else args.seed,
        )
        measured = beyond.run(settings, progress=lambda line: print(line, file=sys.stderr))
        beyond.write(measured, args.out)
        print(beyond.summary(measured))
        print(f"\nwritten to {_shown(args.out)}")
    elif args.command == "show":
        print(summary(results.read(args.path)))
    else:
        for path, value in results.leaf_paths(results.read(args.path)):
            print(f"{path} = {value}")
    return 0


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
