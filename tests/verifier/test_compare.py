"""The `...` wildcard matches only what it should."""

from __future__ import annotations

import pytest

from verifier.compare import diff, matches


@pytest.mark.parametrize(
    ("expected", "actual"),
    [
        ("at 0x...>\n", "at 0x7f3a2c1b9e10>\n"),
        ('File ".../fails.py", line 5\n', 'File "/tmp/verifier-x1/fails.py", line 5\n'),
        ("a ... c ... e\n", "a b c d e\n"),
        ("...\n", "one\ntwo\n"),  # a whole-line wildcard takes any number of lines
        ("start\n...\nend\n", "start\nend\n"),  # ... including none
        ("start\n...\nend\n", "start\nx\ny\nend\n"),
        ("x...\n", "x\n"),
    ],
)
def test_wildcard_matches(expected: str, actual: str) -> None:
    assert matches(expected, actual, wildcard=True)


@pytest.mark.parametrize(
    ("expected", "actual"),
    [
        ("a ... c\n", "a b\nc\n"),  # inside a line it never crosses a line break
        ("a ... c\n", "a b c\nextra\n"),  # nor allows extra lines after
        ("start\n...\nend\n", "start\nmiddle\n"),  # lines around it still count
        ("(1+1)\n", "11\n"),  # everything else is literal, regex characters too
        ("done\n", "done"),  # and so is the final newline
    ],
)
def test_wildcard_does_not_match(expected: str, actual: str) -> None:
    assert not matches(expected, actual, wildcard=True)


def test_without_the_wildcard_flag_dots_are_literal() -> None:
    assert not matches("at 0x...>\n", "at 0x7f00>\n")
    assert matches("waiting...\n", "waiting...\n")


def test_diff_shows_both_sides_and_a_missing_newline() -> None:
    text = diff("a\nb\n", "a\nc", expected_label="shown", actual_label="actual")
    assert "--- shown" in text and "+++ actual" in text
    assert "-b\n" in text and "+c\n" in text and "No newline at end" in text
