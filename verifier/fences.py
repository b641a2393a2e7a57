"""Find the fenced code blocks of a Markdown page, the way SuperFences sees them.

The opening line is matched with SuperFences' own regular expression and its
`{ ... }` attributes are read with Python-Markdown's attr_list parser, so a
fence means here what it means on the rendered page.  What neither library
offers is a scan of a whole page that keeps positions, which is the small part
written here.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from markdown.extensions.attr_list import get_attrs_and_remainder
from pymdownx.superfences import RE_NESTED_FENCE_START, RE_OPTIONS

from verifier.declarations import Fence

_OPENING = re.compile(r"^(?P<indent>[ \t]*)(?=```|~~~)")
# Options SuperFences accepts in the plain `lang key="value"` form; any other
# key makes it reject the fence (the brace form takes arbitrary attributes).
_PLAIN_OPTIONS = {"title", "linenums", "hl_lines"}


def scan_fences(text: str, page: Path) -> list[Fence]:
    """Return the top-level fenced blocks of `text`, in page order."""
    fences: list[Fence] = []
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    i = 0
    while i < len(lines):
        opening = _OPENING.match(lines[i])
        if not opening:
            i += 1
            continue
        indent = opening.group("indent")
        header = lines[i][len(indent) :].rstrip("\r\n")
        fence_chars = re.match(r"(`{3,}|~{3,})", header).group(1)
        closing = re.compile(
            rf"^{re.escape(indent)}{re.escape(fence_chars[0])}{{{len(fence_chars)},}}[ \t]*$"
        )
        end = i + 1
        while end < len(lines) and not closing.match(lines[end].rstrip("\r\n")):
            end += 1
        body = "".join(lines[i + 1 : end])
        fences.append(
            _make_fence(
                page,
                line=i + 1,
                indent=len(indent.expandtabs(4)),
                header=header,
                body=textwrap.dedent(body),
                body_start=offsets[i + 1],
                body_end=offsets[min(end, len(lines))],
            )
        )
        i = end + 1
    return fences


def fenced_lines(text: str, page: Path) -> set[int]:
    """The 1-based numbers of the lines that `text`'s fenced blocks cover, their
    opening and closing fences included."""
    return {
        number
        for fence in scan_fences(text, page)
        for number in range(fence.line, fence.line + fence.body.count("\n") + 2)
    }


def _make_fence(page: Path, *, line: int, header: str, **position) -> Fence:
    match = RE_NESTED_FENCE_START.match(header)
    if not match or match.group("unrecognized"):
        return Fence(page, line, language="", malformed=True, **position)
    language = match.group("lang") or ""
    classes: list[str] = []
    attrs: dict[str, str] = {}
    if match.group("attrs") is not None:
        pairs, _rest = get_attrs_and_remainder(match.group("attrs"))
        for key, value in pairs:
            if key == ".":
                classes.append(value)
            else:
                attrs[key] = value
        if not language and classes:
            language = classes.pop(0)
    elif match.group("options"):
        for option in RE_OPTIONS.finditer(match.group("options")):
            attrs[option.group("key")] = option.group("value") or ""
        if not attrs.keys() <= _PLAIN_OPTIONS:
            return Fence(page, line, language="", malformed=True, **position)
    return Fence(
        page, line, language=language.lower(), classes=tuple(classes), attrs=attrs, **position
    )
