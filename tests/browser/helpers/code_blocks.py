"""Material's copy button on the verified programs of a page.

A verified program is a code block titled `*.py`; the page catalog says which
example file each one shows, and `ShownExample.code` is what a reader must
get: the file without its `# (N)!` annotation markers.
"""

from __future__ import annotations

import difflib
import time

from playwright.sync_api import Locator, Page

from verifier.declarations import ShownExample

PROGRAM_BLOCKS = 'div.highlight:has(> span.filename:text-matches("\\\\.py$"))'
"""Code blocks whose title ends in `.py` (output blocks are titled otherwise)."""

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


def copy_problems(page: Page, examples: list[ShownExample]) -> list[str]:
    """Copy every program block of the page; what differs from the programs.

    The page needs the clipboard-read and clipboard-write permissions."""
    blocks = page.locator(PROGRAM_BLOCKS)
    # Text, not innerText: a block off screen is not rendered (site.css), and has none.
    titles = blocks.locator(":scope > span.filename").all_text_contents()
    expected_titles = [example.fence.attrs.get("title") for example in examples]
    if titles != expected_titles:
        return [f"program blocks {titles} are not the page's examples {expected_titles}"]
    problems = []
    page.evaluate("navigator.clipboard.writeText('')")
    for block, example in zip(blocks.all(), examples):
        copied = copy_with_button(page, block)
        trailing = [n for n, line in enumerate(copied.split("\n"), 1) if line != line.rstrip()]
        if trailing:
            problems.append(f"{example.file}: trailing whitespace on copied lines {trailing}")
        # Material trims the end of what it copies, the final newline with it.
        expected = example.code.rstrip()
        if copied != expected:
            diff = difflib.unified_diff(
                expected.split("\n"), copied.split("\n"), "expected", "copied", lineterm=""
            )
            problems.append(f"{example.file}: copied text differs\n" + "\n".join(diff))
    return problems
