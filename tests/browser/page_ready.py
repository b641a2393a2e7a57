"""Waiting for what Material does after a page has loaded."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def wait_for_diagrams(page: Page) -> None:
    """Material replaces each `pre.mermaid` with the drawn diagram, asynchronously."""
    expect(page.locator("pre.mermaid")).to_have_count(0)
