"""How programs are run: the forced start method, terminal buffering, isolation."""

from __future__ import annotations

import os
import signal

import pytest

from tests.verifier.helpers import code
from verifier.pages import START_METHODS
from verifier.pytest_plugin import example_pythons
from verifier.runner import HAVE_PTY, as_shown, run_program


@pytest.mark.parametrize("method", START_METHODS)
def test_the_forced_start_method_is_the_one_parent_and_child_see(method, pytestconfig) -> None:
    python = example_pythons(pytestconfig)[0]
    result = run_program(code("start_method.py"), start_method=method, python=python)
    assert result.stdout == f"parent: {method} child: {method}\n", result.stderr


def test_a_program_can_still_choose_its_own_start_method() -> None:
    result = run_program(code("sets_its_own_method.py"), start_method="fork")
    assert (result.stdout, result.stderr) == ("the program chose: spawn\n", "")


@pytest.mark.skipif(not HAVE_PTY, reason="needs a pseudo-terminal")
def test_stdout_is_a_terminal_so_lines_appear_in_the_order_they_happen() -> None:
    terminal = run_program(code("prints_while_child_runs.py"), start_method="fork")
    assert terminal.stdout == "parent: child started\nchild: got the signal\n"
    # Through a pipe the parent holds its line until it exits: the reason the
    # runner uses a pty, and why examples must not depend on this order.
    piped = run_program(code("prints_while_child_runs.py"), start_method="fork", stdout_mode="pipe")
    assert piped.stdout == "child: got the signal\nparent: child started\n"


def test_the_callers_environment_does_not_leak_in(monkeypatch) -> None:
    monkeypatch.setenv("PYTHONUNBUFFERED", "1")
    monkeypatch.setenv("PYTHONWARNINGS", "error")
    piped = run_program(code("prints_while_child_runs.py"), start_method="fork", stdout_mode="pipe")
    assert piped.stdout == "child: got the signal\nparent: child started\n"


def test_each_run_starts_in_a_fresh_directory() -> None:
    program = "import os\nprint(sorted(os.listdir('.')))\nopen('left.txt', 'w').close()\n"
    first = run_program(program, filename="look.py")
    second = run_program(program, filename="look.py")
    assert first.stdout == second.stdout == "['look.py']\n"


@pytest.mark.skipif(os.name == "nt", reason="POSIX signal dispositions")
def test_a_run_gets_sigint_as_in_a_terminal_even_if_the_caller_ignores_it() -> None:
    # A background job without job control starts with SIGINT ignored, and exec
    # would pass that on: Process.interrupt() would then hang the program.
    program = (
        "import signal\nprint(signal.getsignal(signal.SIGINT) is signal.default_int_handler)\n"
    )
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        result = run_program(program)
    finally:
        signal.signal(signal.SIGINT, before)
    assert (result.stdout, result.stderr) == ("True\n", "")


def test_windows_line_ends_read_as_the_page_shows_them() -> None:
    """Windows writes "\r\n" where the program printed "\n"; a progress bar's
    lone "\r" is output all the same."""
    text = "10%\r100%\r\ndone\r\n"
    assert as_shown(text, windows=True) == "10%\r100%\ndone\n"
    assert as_shown(text, windows=False) == text
