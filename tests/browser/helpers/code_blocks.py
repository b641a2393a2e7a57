"""Material's copy button on the Python files of a page.

A code block titled `*.py` is a verified program or a Python file a program
needs next to it (`data-files`: a module it imports); the page catalog says
which example file each one shows (`verifier.pages.shown_files`), and what a
reader must get is that file without its `# (N)!` annotation markers
(`ShownExample.code` for a program).
"""

from __future__ import annotations

import difflib
import time

from playwright.sync_api import Locator, Page

from verifier.catalog import REPO_ROOT
from verifier.pages import MARKER, shown_files
from verifier.pages import Page as SourcePage

PROGRAM_BLOCKS = 'div.highlight:has(> span.filename:text-matches("\\\\.py$"))'
"""Code blocks whose title ends in `.py` (output blocks are titled otherwise)."""


def python_files(source: SourcePage) -> list[tuple[str, str, str]]:
    """The title, example file and text to copy of each `*.py` block of `source`,
    in page order: its programs, and the Python files they name in `data-files`."""
    programs = {example.fence.line: example for example in source.examples}
    titles = {fence.line: fence.attrs.get("title", "") for fence in source.fences}
    found = []
    for line, file in shown_files(source).items():
        if line in programs:
            found.append((titles[line], file, programs[line].code))
        elif file.endswith(".py"):
            text = (REPO_ROOT / file).read_text(encoding="utf-8")
            found.append((titles[line], file, MARKER.sub("", text)))
    return found


# What the clipboard holds, then emptied for the next copy.
_TAKE_CLIPBOARD = """async () => {
    const text = await navigator.clipboard.readText();
    if (text) await navigator.clipboard.writeText("");
    return text;
}"""

_TOP_A_THIRD_DOWN = """block => {
    block.scrollIntoView({block: "start"});
    window.scrollBy(0, -window.innerHeight / 3);
}"""

CLICKS = 3
COPIED_WITHIN_S = 2.0


def copy_with_button(page: Page, block: Locator) -> str:
    """Click the block's copy button; what that put on the (empty) clipboard.

    Material adds the button when the block first enters the viewport
    (`content.lazy`), so the block is scrolled to first, as a reader would,
    its top a third of the way down the screen.  The blocks around it take
    their real height as they come into view (site.css), and Material sets up
    the ones that appear, so the page may still move a little just as the
    button is clicked: a click that copied nothing is made again (Material's
    copy is synchronous, ClipboardJS, so the clipboard has the text at once)."""
    button = block.locator("button.md-code__button[data-md-type=copy]")
    for _ in range(CLICKS):
        block.evaluate(_TOP_A_THIRD_DOWN)
        button.click()
        deadline = time.monotonic() + COPIED_WITHIN_S
        while time.monotonic() < deadline:
            copied = page.evaluate(_TAKE_CLIPBOARD)
            if copied:
                return copied
            page.wait_for_timeout(50)
    return ""


def copy_problems(page: Page, source: SourcePage) -> list[str]:
    """Copy every `*.py` block of the page; what differs from the files it shows
    (`python_files`).

    The page needs the clipboard-read and clipboard-write permissions."""
    blocks = page.locator(PROGRAM_BLOCKS)
    # Text, not innerText: a block off screen is not rendered (site.css), and has none.
    titles = blocks.locator(":scope > span.filename").all_text_contents()
    files = python_files(source)
    expected_titles = [title for title, _, _ in files]
    if titles != expected_titles:
        return [f"Python blocks {titles} are not the page's Python files {expected_titles}"]
    problems = []
    page.evaluate("navigator.clipboard.writeText('')")
    for block, (_, file, code) in zip(blocks.all(), files):
        copied = copy_with_button(page, block)
        trailing = [n for n, line in enumerate(copied.split("\n"), 1) if line != line.rstrip()]
        if trailing:
            problems.append(f"{file}: trailing whitespace on copied lines {trailing}")
        # Material trims the end of what it copies, the final newline with it.
        expected = code.rstrip()
        if copied != expected:
            diff = difflib.unified_diff(
                expected.split("\n"), copied.split("\n"), "expected", "copied", lineterm=""
            )
            problems.append(f"{file}: copied text differs\n" + "\n".join(diff))
    return problems
