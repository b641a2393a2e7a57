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
    _measurement_options(
        run, "short rounds, up to 4 MiB (~1 min)", LATEST, "every process of the run", 7
    )
    run.add_argument("--note", help="recorded with the results, e.g. 'machine busy'")
    more = commands.add_parser(
        "beyond",
        help="subinterpreters, TCP and Dask against Queue and Pipe (Python 3.14+ for all cases)",
    )
    _measurement_options(
        more, "fewer messages, one repetition", beyond.LATEST, "the child processes", 5
    )
    for name, help_ in (("show", "print a summary"), ("values", "list every value path")):
        command = commands.add_parser(name, help=f"{help_} of a results file")
        command.add_argument("path", type=Path, nargs="?", default=REFERENCE)
    args = parser.parse_args(argv)
    if getattr(args, "repeats", None) is not None and args.repeats < 1:
        parser.error("--repeats must be at least 1")

    if args.command == "run":
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


def _measurement_options(
    command: argparse.ArgumentParser, quick: str, out: Path, processes: str, repeats: int
) -> None:
    """The options both measuring commands take."""
    command.add_argument("--quick", action="store_true", help=quick)
    command.add_argument("--out", type=Path, default=out, help=f"default: {_shown(out)}")
    command.add_argument(
        "--start-method",
        choices=multiprocessing.get_all_start_methods(),
        default=multiprocessing.get_start_method(),
        help=f"for {processes} (default: this platform's, %(default)s)",
    )
    command.add_argument(
        "--repeats", type=int, help=f"measured repetitions (default {repeats}, quick 1)"
    )
    command.add_argument("--seed", type=int, help="order of the cases (default: random, recorded)")


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
