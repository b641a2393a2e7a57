"""The real example suite (tests/test_examples.py), pointed at small fixture sites.

These run pytest in a subprocess exactly as `dev.py test` would, so they prove
that a wrong page turns the suite red with a useful report, and that the
update mode rewrites what it may and refuses what it must not.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.verifier.helpers import FIXTURE, make_site, run_suite


def test_the_suite_fails_on_a_wrong_child_line_and_says_where(tmp_path: Path) -> None:
    site = make_site(tmp_path, "good", "wrong_child")
    result = run_suite(site)
    assert result.returncode == 1, result.stdout
    # child_prints.py is wrong on one page under every method; start_method.py is fine.
    assert "3 failed, 3 passed" in result.stdout, result.stdout
    for method in ("fork", "spawn", "forkserver"):
        assert f"FAILED tests/test_examples.py::test_example[child_prints.py-{method}]" in (
            result.stdout
        )
    assert "page:         docs/zh/wrong_child.md:3" in result.stdout
    assert "-child: resting\n+child: working" in result.stdout
    assert (
        "6 runs, 3 failed (fork 2 runs/1 failed, spawn 2 runs/1 failed, forkserver 2 runs/1 failed)"
        in result.stdout
    )


def test_the_repeat_mode_runs_every_case_n_times(tmp_path: Path) -> None:
    site = make_site(tmp_path, "good")
    result = run_suite(site, "--example-repeat=3", "--start-methods=fork")
    assert result.returncode == 0, result.stdout
    assert "6 runs, 0 failed (fork 6 runs/0 failed)" in result.stdout


def test_update_rewrites_a_stale_output(tmp_path: Path) -> None:
    site = make_site(tmp_path, "wrong_child")
    result = run_suite(site, "--update-examples")
    assert result.returncode == 0, result.stdout
    page = (site / "docs" / "zh" / "wrong_child.md").read_text(encoding="utf-8")
    assert "child: working" in page and "child: resting" not in page
    assert run_suite(site).returncode == 0


def test_update_refuses_when_start_methods_disagree(tmp_path: Path) -> None:
    # One block claims the start_method.py output for all three methods.
    tabs = (FIXTURE / "docs" / "zh" / "good.md").read_text(encoding="utf-8")
    single = tabs[: tabs.index('=== "fork"')] + "```output\nparent: fork child: fork\n```\n"
    site = make_site(tmp_path)
    (site / "docs" / "zh" / "good.md").write_text(single, encoding="utf-8")
    result = run_suite(site, "--update-examples")
    assert result.returncode == 1
    assert "start methods disagree on this block" in result.stdout
    assert (site / "docs" / "zh" / "good.md").read_text(encoding="utf-8") == single


def test_update_leaves_a_matching_wildcard_block_alone(tmp_path: Path) -> None:
    # The traceback's temporary path differs from run to run and method to
    # method; the block's wildcard covers it, so there is nothing to refuse.
    site = make_site(tmp_path, "error_shown")
    before = (site / "docs" / "zh" / "error_shown.md").read_text(encoding="utf-8")
    result = run_suite(site, "--update-examples")
    assert result.returncode == 0, result.stdout
    assert (site / "docs" / "zh" / "error_shown.md").read_text(encoding="utf-8") == before


def test_update_refuses_to_run_in_parallel(tmp_path: Path) -> None:
    result = run_suite(make_site(tmp_path, "good"), "--update-examples", "-p", "xdist", "-n", "2")
    assert result.returncode != 0
    assert "run it without -n" in result.stdout + result.stderr


def test_a_program_that_needs_a_newer_python_is_skipped_with_the_reason(tmp_path: Path) -> None:
    result = run_suite(make_site(tmp_path, "newer_python"), "-rs")
    assert result.returncode == 0, result.stdout
    if sys.version_info < (3, 13):
        assert "3 skipped" in result.stdout, result.stdout
        assert "needs Python 3.13 or newer (the page says so)" in result.stdout
    else:
        assert "3 passed" in result.stdout, result.stdout


def test_update_rewrites_when_only_some_runs_are_selected(tmp_path: Path) -> None:
    """The example's last *selected* run plans its rewrite, running the start
    methods the block also covers; before, only the run of the page's last
    method did, and a narrower selection rewrote nothing and still passed."""
    for name, selection in (
        ("methods", ["--start-methods=fork"]),
        ("keyword", ["-k", "child_prints and spawn"]),
    ):
        site = make_site(tmp_path / name, "wrong_child")
        result = run_suite(site, "--update-examples", *selection)
        assert result.returncode == 0, result.stdout
        page = (site / "docs" / "zh" / "wrong_child.md").read_text(encoding="utf-8")
        assert "child: working" in page and "child: resting" not in page, (selection, result.stdout)
        assert run_suite(site).returncode == 0
