"""The verifier goes red when a page is wrong, and only then.

Each run is a small page of the fixture site in `fixture_site/`, read and
verified through the same functions the real suite uses.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import time
from pathlib import Path

import pytest

from tests.verifier.helpers import FIXTURE, across, example_on, only_failure, page
from verifier import processes, shm
from verifier.claims import holds, oldest_python
from verifier.declarations import Example
from verifier.interpreters import python_version, version_key
from verifier.pages import START_METHODS, parse_page
from verifier.plan import NOT_CLAIMED, RUN, SKIPPED, Run, plan
from verifier.runner import HAVE_PTY
from verifier.verdict import verify


def test_a_correct_page_passes_under_every_method_it_claims() -> None:
    good = page("good")
    assert not good.problems
    for example in good.examples:
        for method in example.methods:
            verdict = verify(Example.of(example), method)
            assert verdict.ok, verdict.failures


@pytest.mark.parametrize("method", START_METHODS)
def test_a_wrong_line_printed_by_the_parent_fails(method: str) -> None:
    report = only_failure(verify(example_on("wrong_parent"), method))
    assert "page:         docs/zh/wrong_parent.md:3" in report
    assert "example:      examples/child_prints.py" in report
    assert f"start method: {method}" in report
    assert "-parent: finished\n+parent: done\n" in report


@pytest.mark.parametrize("method", START_METHODS)
def test_a_wrong_line_printed_by_a_child_fails(method: str) -> None:
    # Under fork, pytest-examples' in-process runner loses this line entirely.
    report = only_failure(verify(example_on("wrong_child"), method))
    assert "-child: resting\n+child: working\n" in report


def test_a_hang_fails_within_the_timeout() -> None:
    started = time.monotonic()
    verdict = verify(example_on("hang"), "spawn", timeout=3)
    elapsed = time.monotonic() - started
    report = only_failure(verdict)
    assert "timed out after 3" in report
    # Cut off at the timeout, not left hanging (the margin is for a busy machine).
    assert elapsed < 3 + 10, f"took {elapsed:.1f} s"
    # What was printed before the hang is still shown, and nothing survives.
    assert verdict.results[0].stdout == "parent: joining a child that never ends\n"
    assert not processes.group_members(verdict.results[0].pid)


def test_a_stray_stderr_warning_fails() -> None:
    report = only_failure(verify(example_on("stray_stderr"), "fork"))
    assert "stderr must be empty" in report
    assert "DeprecationWarning: this API is deprecated" in report


@pytest.mark.parametrize("method", START_METHODS)
def test_an_error_the_page_shows_passes_with_its_exit_status(method: str) -> None:
    verdict = verify(example_on("error_shown"), method)
    assert verdict.ok, verdict.failures


def test_a_different_exit_status_fails() -> None:
    shown = page("error_shown").examples[0]
    stdout = dataclasses.replace(shown.outputs[0], exit_code=0)
    wrong = dataclasses.replace(shown, outputs=(stdout, *shown.outputs[1:]))
    report = only_failure(verify(Example.of(wrong), "fork"))
    assert "exit status 3, expected 0" in report


def test_a_missing_output_block_fails() -> None:
    (problem,) = page("missing_output").problems
    assert problem.startswith("docs/zh/missing_output.md:3: program examples/child_prints.py")
    assert "no ```output block" in problem


def test_blocks_neither_verified_nor_marked_fail() -> None:
    problems = page("unmarked").problems
    assert len(problems) == 4, problems
    assert "docs/zh/unmarked.md:3: `bash` block is neither" in problems[0]
    assert "docs/zh/unmarked.md:7: output block without a runnable program" in problems[1]
    assert "docs/zh/unmarked.md:11: a runnable program must be one line" in problems[2]
    assert "docs/zh/unmarked.md:15: output block without a runnable program" in problems[3]


def test_wildcards_match_what_varies() -> None:
    verdict = verify(example_on("wildcard"), "fork")
    assert verdict.ok, verdict.failures


def test_a_wildcard_does_not_swallow_a_line() -> None:
    shown = page("wildcard").examples[0]
    block = shown.outputs[0]
    # Drop the middle line: the `...` of the first line must not absorb it.
    fewer = dataclasses.replace(
        block,
        fence=dataclasses.replace(block.fence, body="one object: <object object at 0x...>\ndone\n"),
    )
    wrong = dataclasses.replace(shown, outputs=(fewer,))
    report = only_failure(verify(Example.of(wrong), "fork"))
    assert "(... wildcards allowed)" in report


@pytest.mark.skipif(not shm.SHM_DIR.is_dir(), reason="needs /dev/shm (Linux)")
def test_shared_memory_left_behind_fails() -> None:
    before = shm.shm_entries()
    verdict = verify(example_on("leftovers", 0), "fork", timeout=3)
    leaked = verdict.results[0].leaked
    for name in leaked:  # clean up what the program leaked on purpose
        os.unlink(shm.SHM_DIR / name)
    assert leaked and set(leaked).isdisjoint(before)
    assert "left behind in /dev/shm" in only_failure(verdict)


@pytest.mark.skipif(os.name == "nt", reason="needs process groups")
def test_a_process_left_running_fails() -> None:
    verdict = verify(example_on("leftovers", 1), "fork")
    report = only_failure(verdict)
    assert "processes still running after the program ended" in report
    assert "time.sleep(30)" in report
    assert not processes.group_members(verdict.results[0].pid)


def test_settings_the_verifier_rejects() -> None:
    problems = page("bad_settings").problems
    expected = [
        "bad_settings.md:7: unknown start methods ['thread']",
        "bad_settings.md:11: 2 output blocks claim the fork output of examples/child_prints.py",
        "bad_settings.md:23: examples/annotated.py has 2 annotation markers but the numbered list",
        "bad_settings.md:34: write annotation markers as `# (1)!`",
        "bad_settings.md:50: a heading separates this output block from its program at line 44",
        "bad_settings.md:54: SuperFences would not render this as a code block",
    ]
    for start in expected:
        assert any(p.startswith("docs/zh/" + start) for p in problems), (start, problems)


def test_a_claim_holds_only_for_the_python_versions_it_names(pytestconfig) -> None:
    versions = page("python_versions")
    assert not versions.problems
    right, swapped, newer_only = (Example.of(p) for p in versions.examples)
    assert oldest_python(newer_only.shown[0], "fork") == "3.13"
    assert oldest_python(right.shown[0], "fork") == "3.9"
    # On both sides of the split at 3.12, where the suite has an interpreter there.
    for python in across(pytestconfig, (3, 12)):
        assert verify(right, "spawn", python=python).ok
        report = only_failure(verify(swapped, "spawn", python=python))
        newer = version_key(python_version(python))[:2] >= (3, 12)
        wanted = "3.12 or newer" if newer else "older than 3.12"
        assert f"+{wanted}\n" in report
        assert f"({python_version(python)})" in report


def test_version_claims_must_leave_exactly_one_output_per_version() -> None:
    problems = page("python_versions_bad").problems
    assert any(
        p.startswith("docs/zh/python_versions_bad.md:3: 2 output blocks claim the fork")
        and "on Python 3.12" in p
        for p in problems
    ), problems
    assert any(
        p.startswith("docs/zh/python_versions_bad.md:15: 0 output blocks claim the fork")
        and "on Python 3.11" in p
        for p in problems
    ), problems
    assert any(
        "python_versions_bad.md:27: data-python must be a version specifier" in p for p in problems
    ), problems


def version_claims(*specifiers: str):
    """A page showing examples/version_dependent.py with one block per specifier."""
    blocks = "".join(
        f'``` {{ .output data-python="{v}" }}\nsome output\n```\n\n' for v in specifiers
    )
    text = f'```python\n--8<-- "examples/version_dependent.py"\n```\n\n{blocks}'
    return parse_page(text, Path("docs/zh/claims.md"), FIXTURE)


def test_a_claim_may_be_split_at_a_bug_fix_release() -> None:
    parsed = version_claims(">=3.13.8,!=3.14.0", "<3.13.8 || ==3.14.0")
    assert not parsed.problems
    new, old = parsed.examples[0].outputs
    for version in ("3.9", "3.13.0", "3.13.7", "3.14.0"):
        assert holds(old, "fork", version) and not holds(new, "fork", version)
    for version in ("3.13.8", "3.13.18", "3.14.1", "3.15.2"):
        assert holds(new, "fork", version) and not holds(old, "fork", version)


_CLAIM = "output blocks claim the fork output of examples/version_dependent.py on Python"


@pytest.mark.parametrize(
    ("specifiers", "wrong"),
    [
        ((">=3.13.9", "<3.13.8"), f"0 {_CLAIM} 3.13.8"),
        ((">=3.13.8", "<3.13.8 || ==3.14.0"), f"2 {_CLAIM} 3.14"),
        (("<3.15",), f"0 {_CLAIM} 3.15"),
        (("<3.13.8 ||",), "data-python must be a version specifier"),
    ],
)
def test_a_gap_or_overlap_at_a_bug_fix_release_is_a_problem(specifiers, wrong) -> None:
    """Claims are probed at every supported line and at every release they name."""
    problems = version_claims(*specifiers).problems
    assert any(wrong in p for p in problems), problems


@pytest.mark.parametrize("method", START_METHODS)
def test_output_redirected_to_a_file_is_checked_separately(method: str) -> None:
    if not HAVE_PTY:
        pytest.skip("without a pty, the terminal claims cannot be checked")
    terminal_and_file = page("stdout_to_file")
    assert not terminal_and_file.problems
    right, swapped = (Example.of(p) for p in terminal_and_file.examples)
    assert right.stdout_kinds == ("terminal", "file")
    for kind in right.stdout_kinds:
        assert verify(right, method, stdout_kind=kind).ok, kind
    report = only_failure(verify(swapped, method, stdout_kind="file"))
    assert "stdout:       redirected to a file" in report
    assert "-parent: the child has started\n-child:  finished\n" in report or (
        "+child:  finished\n" in report
    ), report
    assert not verify(swapped, method).ok


def test_a_companion_file_is_written_next_to_the_program() -> None:
    shown = page("companion")
    assert not shown.problems
    (example,) = shown.examples
    assert [file for file, _ in example.files] == ["examples/greeting.c"]
    assert verify(Example.of(example), "spawn").ok
    # Without the file next to it, the same program fails: the check can go red.
    alone = dataclasses.replace(example, files=())
    report = only_failure(verify(Example.of(alone), "spawn"))
    assert "FileNotFoundError" in report


def test_companion_files_must_be_shown_and_named() -> None:
    problems = page("companion_bad").problems
    assert len(problems) == 3, problems
    assert "docs/zh/companion_bad.md:21: data-files names missing.c" in problems[0]
    assert "docs/zh/companion_bad.md:5: examples/greeting.c is included" in problems[1]
    assert "no program on this page names it" in problems[1]
    assert "docs/zh/companion_bad.md:21: examples/reads_companion.py needs" in problems[2]
    assert "examples/other.c (data-files), which the page does not show" in problems[2]


def _planned(example: Example, kind: str = "terminal") -> Run:
    """The plan for the spawn run of `example` on this interpreter."""
    (run,) = plan(
        [Run(example, "spawn", kind, "x")], python_version(sys.executable), python=sys.executable
    )
    return run


def test_a_run_whose_program_is_missing_is_skipped_saying_which() -> None:
    (shown,) = page("needs_program").examples
    assert shown.needs == ("no-such-program-for-the-verifier", "python3")
    run = _planned(Example.of(shown))
    assert (run.status, run.reason) == (
        SKIPPED,
        "needs no-such-program-for-the-verifier, which this Python does not find",
    )
    found = dataclasses.replace(shown, needs=("python3",))
    assert _planned(Example.of(found)).status == RUN


def test_a_run_no_page_claims_is_not_claimed_never_a_pass() -> None:
    """A block limited by `data-python` can leave a run that no page claims (here:
    stdout to a file, claimed only on a Python that does not exist yet): the plan
    says so, and the plugin skips it with that reason instead of comparing the
    run with nothing and counting a pass."""
    shown = page("stdout_to_file").examples[0]
    outputs = tuple(
        dataclasses.replace(b, python=">=9.0") if b.stdout_kind == "file" else b
        for b in shown.outputs
    )
    example = Example.of(dataclasses.replace(shown, outputs=outputs))
    assert "file" in example.stdout_kinds
    run = _planned(example, "file")
    version = python_version(sys.executable)
    assert (run.status, run.reason) == (
        NOT_CLAIMED,
        f"no page claims an output for this run on Python {version}",
    )
    assert _planned(example, "terminal").status == RUN
