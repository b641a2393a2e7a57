"""Material's copy button on the verified programs of a page.

A verified program is a code block titled `*.py`; the page catalog says which
example file each one shows, and `ShownProgram.code` is what a reader must
get: the file without its `# (N)!` annotation markers.
"""

from __future__ import annotations

import difflib

from playwright.sync_api import Locator, Page

from verifier.pages import ShownProgram

PROGRAM_BLOCKS = 'div.highlight:has(> span.filename:text-matches("\\\\.py$"))'
"""Code blocks whose title ends in `.py` (output blocks are titled otherwise)."""

# What the clipboard holds, then emptied for the next copy.  Material's copy
# is synchronous (ClipboardJS), so this is true at once; waiting for it keeps
# the check right should it ever become asynchronous.
_TAKE_CLIPBOARD = """async () => {
    const text = await navigator.clipboard.readText();
    if (text) await navigator.clipboard.writeText("");
    return text || false;
}"""


def copy_with_button(page: Page, block: Locator) -> str:
    """Click the block's copy button; what that put on the (empty) clipboard."""
    block.locator("button.md-code__button[data-md-type=copy]").click()
    return page.wait_for_function(_TAKE_CLIPBOARD).json_value()


def copy_problems(page: Page, programs: list[ShownProgram]) -> list[str]:
    """Copy every program block of the page; what differs from the programs.

    The page needs the clipboard-read and clipboard-write permissions."""
    blocks = page.locator(PROGRAM_BLOCKS)
    titles = blocks.locator(":scope > span.filename").all_inner_texts()
    expected_titles = [program.fence.attrs.get("title") for program in programs]
    if titles != expected_titles:
        return [f"program blocks {titles} are not the page's programs {expected_titles}"]
    problems = []
    page.evaluate("navigator.clipboard.writeText('')")
    for block, program in zip(blocks.all(), programs):
        copied = copy_with_button(page, block)
        trailing = [n for n, line in enumerate(copied.split("\n"), 1) if line != line.rstrip()]
        if trailing:
            problems.append(f"{program.example}: trailing whitespace on copied lines {trailing}")
        # Material trims the end of what it copies, the final newline with it.
        expected = program.code.rstrip()
        if copied != expected:
            diff = difflib.unified_diff(
                expected.split("\n"), copied.split("\n"), "expected", "copied", lineterm=""
            )
            problems.append(f"{program.example}: copied text differs\n" + "\n".join(diff))
    return problems
