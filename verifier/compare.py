"""Compare shown output with real output, exactly or with explicit wildcards.

Output is compared character for character.  A block marked `.ellipsis` may
use `...` for text that legitimately varies between runs or machines (a
temporary path, an address, a line number that differs between Python
versions):

* `...` inside a line matches any run of characters on that line only;
* a line that is only `...` matches any number of whole lines, including none.

doctest's ELLIPSIS is not used because its `...` also spans line breaks, which
would let one wildcard swallow lines the page never shows.
"""

from __future__ import annotations

import difflib
import re

WILDCARD = "..."


def wildcard_pattern(expected: str) -> re.Pattern[str]:
    """Compile a block's text, with `...` wildcards, into a regular expression."""
    parts = []
    for line in expected.splitlines(keepends=True):
        body, newline = (line[:-1], "\n") if line.endswith("\n") else (line, "")
        if body.strip() == WILDCARD:
            parts.append(r"(?:[^\n]*\n)*?" if newline else r"(?:[^\n]*\n)*?[^\n]*")
            continue
        pieces = [re.escape(piece) for piece in body.split(WILDCARD)]
        parts.append("[^\n]*?".join(pieces) + re.escape(newline))
    return re.compile("".join(parts))


def matches(expected: str, actual: str, *, wildcard: bool = False) -> bool:
    """Whether `actual` is what `expected` shows."""
    if not wildcard:
        return expected == actual
    return wildcard_pattern(expected).fullmatch(actual) is not None


def diff(expected: str, actual: str, *, expected_label: str, actual_label: str) -> str:
    """A unified diff from the shown text to the real one, with visible line ends."""
    if not expected.endswith("\n") or not actual.endswith("\n"):
        expected, actual = _mark_missing_newline(expected), _mark_missing_newline(actual)
    lines = difflib.unified_diff(
        expected.splitlines(keepends=True),
        actual.splitlines(keepends=True),
        fromfile=expected_label,
        tofile=actual_label,
    )
    return "".join(lines) or "(texts differ only in invisible characters)\n"


def _mark_missing_newline(text: str) -> str:
    if text and not text.endswith("\n"):
        return text + "\n\\ No newline at end\n"
    return text
