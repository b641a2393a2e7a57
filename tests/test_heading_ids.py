"""Every heading has an explicit id, the same in every language.

A section link (`queue/#drain-before-join`) then carries from one language to
the other: without an explicit id, the toc extension makes one from the
heading's text, and a Chinese heading gets `_1` or `queue_1` while its English
twin gets `drain-before-join`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hooks.site_map import LANGUAGES
from verifier.catalog import REPO_ROOT
from verifier.fences import fenced_lines

_HEADING = re.compile(r"^(?P<level>#{1,6})[ \t]+(?P<text>.*?)[ \t]*$", re.MULTILINE)
# attr_list's `{ #id }` (other attributes may sit beside it) at the end of the line.
_EXPLICIT_ID = re.compile(r"\{[^{}]*#(?P<id>[\w-]+)[^{}]*\}$")


def headings(path: Path) -> list[tuple[int, int, str | None]]:
    """(line, level, explicit id or None) of each Markdown heading outside code."""
    text = path.read_text(encoding="utf-8")
    fenced = fenced_lines(text, path)
    found = []
    for match in _HEADING.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        if line in fenced:
            continue
        explicit = _EXPLICIT_ID.search(match.group("text"))
        found.append((line, len(match.group("level")), explicit and explicit.group("id")))
    return found


def _names() -> list[str]:
    first = REPO_ROOT / "docs" / LANGUAGES[0]
    return sorted(p.relative_to(first).as_posix() for p in first.rglob("*.md"))


@pytest.mark.parametrize("name", _names())
def test_every_heading_has_an_explicit_id(name: str) -> None:
    missing = [
        f"docs/{language}/{name}:{line}"
        for language in LANGUAGES
        for line, _, heading_id in headings(REPO_ROOT / "docs" / language / name)
        if heading_id is None
    ]
    assert not missing, "headings without { #id }: " + ", ".join(missing)


@pytest.mark.parametrize("name", _names())
def test_headings_have_the_same_ids_in_every_language(name: str) -> None:
    first, *others = LANGUAGES
    expected = [(level, hid) for _, level, hid in headings(REPO_ROOT / "docs" / first / name)]
    for other in others:
        got = [(level, hid) for _, level, hid in headings(REPO_ROOT / "docs" / other / name)]
        assert got == expected, f"docs/{first}/{name} and docs/{other}/{name}: headings differ"
