"""How the suite's work is handed to the pytest-xdist workers: in scopes (an
xdist group, or a test of no group), longest first, in the plugin's order."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import dev
from tests.verifier.helpers import make_site, run_suite


def test_xdist_keeps_the_plugins_order() -> None:
    """Without `--no-loadscope-reorder`, xdist hands out the groups by their
    number of tests, and a long group with few tests comes last."""
    args = dev.parallel_args([])
    assert args[args.index("--dist") + 1] == "loadgroup"
    assert "--no-loadscope-reorder" in args
    assert dev.parallel_args(["-n", "3"]) == []


def test_each_kit_run_is_one_interpreter_and_one_start_method(tmp_path: Path) -> None:
    """The runs of one start method come together: one kit run makes them, and
    the three methods' groups can go to three workers."""
    site = make_site(tmp_path, "good")
    result = run_suite(site, "--collect-only")
    assert result.returncode == 0, result.stdout
    ids = re.findall(r"test_example\[(.+?)\]", result.stdout)
    methods = [re.search(r"-(fork|spawn|forkserver)(?:-|$)", i).group(1) for i in ids]
    assert len(ids) == 6, result.stdout
    assert sorted(set(methods)) == ["fork", "forkserver", "spawn"]
    runs_of_each = [method for method, _ in itertools.groupby(methods)]
    assert len(runs_of_each) == 3, ids
