"""Material's copy button puts exactly the verified program on the clipboard.

A verified program is a code block titled `*.py`; the page catalog says which
example file each one shows, and `ShownProgram.code` is what a reader must get:
the file without its `# (N)!` annotation markers.
"""

from __future__ import annotations

import difflib

import pytest
from playwright.sync_api import Page
from site_pages import SitePage, pages_where

pytestmark = pytest.mark.xdist_group("site")

PROGRAM_BLOCKS = 'div.highlight:has(> span.filename:text-matches("\\\\.py$"))'
"""Code blocks whose title ends in `.py` (output blocks are titled otherwise)."""

_CLIPBOARD_FILLED = "async () => (await navigator.clipboard.readText()) !== ''"


def copy_with_button(page: Page, block) -> str:
    """Click the block's copy button; what the clipboard then holds."""
    page.evaluate("navigator.clipboard.writeText('')")
    block.locator("button.md-code__button[data-md-type=copy]").click()
    page.wait_for_function(_CLIPBOARD_FILLED)
    return page.evaluate("navigator.clipboard.readText()")


@pytest.mark.parametrize("site_page", pages_where(lambda page: page.source.programs))
def test_copy_button_copies_the_program(new_page, served, site_page: SitePage) -> None:
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto(served.url(site_page.path))
    blocks = page.locator(PROGRAM_BLOCKS)
    titles = blocks.locator(":scope > span.filename").all_inner_texts()
    programs = site_page.source.programs
    assert titles == [p.fence.attrs.get("title") for p in programs], "blocks and programs differ"
    wrong = []
    for block, program in zip(blocks.all(), programs):
        copied = copy_with_button(page, block)
        # Material trims the end of what it copies, the final newline with it.
        expected = program.code.rstrip()
        trailing = [n for n, line in enumerate(copied.split("\n"), 1) if line != line.rstrip()]
        if trailing:
            wrong.append(f"{program.example}: trailing whitespace on lines {trailing}")
        if copied != expected:
            diff = difflib.unified_diff(
                expected.split("\n"), copied.split("\n"), "expected", "copied", lineterm=""
            )
            wrong.append(f"{program.example}:\n" + "\n".join(diff))
    assert not wrong, "\n".join(wrong)
