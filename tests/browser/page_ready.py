"""Waiting for what Material does after a page has loaded."""

from __future__ import annotations

from playwright.sync_api import Page, expect

# One block after the other, each given two frames in view: enough for the
# IntersectionObserver that Material waits on to see it.
_SCROLL_TO_EACH = """async (selector) => {
    const frame = () => new Promise(requestAnimationFrame);
    for (const element of document.querySelectorAll(selector)) {
        if (!element.checkVisibility()) continue;  // in a closed tab, say
        element.scrollIntoView({block: "center"});
        await frame();
        await frame();
    }
    window.scrollTo(0, 0);
}"""


def wait_for_diagrams(page: Page) -> None:
    """Material replaces each `pre.mermaid` with the drawn diagram, asynchronously,
    and overrides/main.html loads Mermaid once a diagram nears the viewport:
    each diagram is scrolled to in turn until all are drawn."""
    pending = page.locator("pre.mermaid")
    left = pending.count()
    while left:
        page.evaluate(
            "() => document.querySelector('pre.mermaid')?.scrollIntoView({block: 'center'})"
        )
        expect(pending).not_to_have_count(left)
        left = pending.count()
    page.evaluate("() => window.scrollTo(0, 0)")


def mount_code_blocks(page: Page) -> None:
    """Material gives a code block its copy button and annotation markers when the
    block first enters the viewport (feature `content.lazy`, see mkdocs.yml):
    every visible block is scrolled into view, then is waited for.  Material
    gives each block it has set up an id (`__code_N`)."""
    page.evaluate(_SCROLL_TO_EACH, "pre:not(.mermaid) > code")
    expect(page.locator("pre:not(.mermaid):not([id]):visible > code")).to_have_count(0)
