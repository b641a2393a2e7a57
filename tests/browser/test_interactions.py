"""What readers click: code annotations, dark mode, the navigation drawer on a
phone; and the diagrams' labels on a phone.

(Diagrams, copy buttons and the language menu: test_every_page.py.)"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect

from hooks import static_diagrams
from hooks.site_map import HOME, LANGUAGES, url_path
from tests.browser.helpers.code_blocks import PROGRAM_BLOCKS
from tests.browser.helpers.page_events import mount_code_blocks, wait_for_diagrams
from tests.browser.helpers.site_pages import SITE_PAGES, SitePage, pages_where
from tests.test_diagrams import (
    MIN_LABEL_PX,
    PHONE_COLUMN_PX,
    label_font_sizes,
    natural_width,
)

pytestmark = pytest.mark.xdist_group("site-browser-interactions")

PHONE = {"width": 375, "height": 740}


# For each marker in turn: focus it (a click would time out: markers pulse, so
# they are never "stable"), then wait until its tooltip is open, opaque and
# not empty.  In the page: checks from Python cost a round trip each.
_OPEN_EVERY_ANNOTATION = """async (markers) => {
    const problems = [];
    const frame = () => new Promise(requestAnimationFrame);
    for (const [n, marker] of markers.entries()) {
        marker.focus();
        const deadline = performance.now() + 10000;
        let state;
        do {
            await frame();
            const tooltip = marker.querySelector(":scope > .md-tooltip");
            const inner = tooltip && tooltip.querySelector(".md-tooltip__inner");
            state = {
                focused: document.activeElement === marker,
                active: !!tooltip && tooltip.classList.contains("md-tooltip--active"),
                opacity: tooltip ? getComputedStyle(tooltip).opacity : null,
                text: inner ? inner.innerText.trim().slice(0, 40) : "",
            };
        } while (!(state.active && state.opacity === "1" && state.text)
                 && performance.now() < deadline);
        if (!(state.focused && state.active && state.opacity === "1" && state.text))
            problems.push(`marker ${n + 1}: ${JSON.stringify(state)}`);
    }
    return problems;
}"""


# Every marker of one annotated page per language.  On every other page, a
# marker that Material did not turn into an annotation fails
# test_every_page.py: its `(N)` stays in the code and in what is copied.
ANNOTATED = ["queue"]


@pytest.mark.parametrize(
    "site_page", pages_where(lambda page: page.name in ANNOTATED and page.program_markers)
)
def test_code_annotations_open(new_page, served, site_page: SitePage) -> None:
    # With less motion (new_page's default) an open tooltip is opaque at once.
    page = new_page()
    page.goto(served.url(site_page.path))
    mount_code_blocks(page)
    in_programs = page.locator(f"{PROGRAM_BLOCKS} aside.md-annotation")
    expect(in_programs).to_have_count(site_page.program_markers)
    problems = page.locator("aside.md-annotation").evaluate_all(_OPEN_EVERY_ANNOTATION)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_palette_toggle_switches_dark_mode(page: Page, served, language: str) -> None:
    page.goto(served.url(url_path(language, HOME)))
    body = page.locator("body")
    toggle = page.locator("form[data-md-component=palette] label:visible")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    toggle.click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    toggle.click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")


@pytest.mark.parametrize("site_page", pages_where(lambda page: page.diagrams))
def test_diagrams_are_legible_on_a_phone(new_page, served, site_page: SitePage) -> None:
    """On a 375-px phone the content column is at least as wide as
    tests/test_diagrams.py assumes, and each diagram, as wide as the browser
    draws it, shows its smallest label at 11 px or more."""
    page = new_page(viewport=PHONE)
    page.goto(served.url(site_page.path))
    wait_for_diagrams(page)
    column = page.locator(".md-content__inner").bounding_box()["width"]
    assert column >= PHONE_COLUMN_PX, f"the content column is {column} px wide"
    built = (served.site.dir / site_page.path / "index.html").read_text(encoding="utf-8")
    names = re.findall(r'<pre class="mermaid"><svg id="(diagram-[0-9a-f]+)"', built)
    # The drawing is in a closed shadow root: its width shows on the host.
    hosts = page.locator("div.mermaid").all()
    assert len(names) == len(hosts) == site_page.diagrams
    for name, host in zip(names, hosts):
        svg = (static_diagrams.DIAGRAMS / f"{name}.svg").read_text(encoding="utf-8")
        width = host.bounding_box()["width"]
        size = min(label_font_sizes(svg)) * min(1.0, width / natural_width(svg)[0])
        assert size >= MIN_LABEL_PX, f"{name}: labels at {size:.1f} px in {width} px"


def follow_drawer_link(page: Page, href: str) -> None:
    """Open the navigation drawer, find the link to `href`, follow it."""
    page.locator("label.md-header__button[for=__drawer]").click()
    expect(page.locator("#__drawer")).to_be_checked()
    drawer = page.locator("nav.md-nav--primary")
    link = page.locator(f'a.md-nav__link[href="{href}"]')
    # On a phone each section of the navigation is a panel of its own: open
    # the panels that hold the link, outermost first.
    for section in drawer.locator("li.md-nav__item--nested", has=link).all():
        section.locator(":scope > label.md-nav__link").click()
    drawer.locator(link).click()


@pytest.mark.parametrize("language", LANGUAGES)
def test_drawer_reaches_every_page_from_home(new_page, served, language: str) -> None:
    # One page for all the pages of a language: each round starts from home.
    page = new_page(viewport=PHONE)
    home = url_path(language, HOME)
    unreachable = []
    for site_page in SITE_PAGES:
        if site_page.language != language or site_page.is_home:
            continue
        page.goto(served.url(home))
        try:
            follow_drawer_link(page, site_page.path.removeprefix(home))
            page.wait_for_url(served.url(site_page.path), wait_until="commit")
        except PlaywrightError as error:
            unreachable.append(f"{site_page.path}: {error.message.splitlines()[0]}")
    assert not unreachable, "\n".join(unreachable)


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_menu_keeps_the_section(page: Page, served, language: str) -> None:
    """A reader at a section who switches language lands on the same section:
    the ids are the same in both languages (tests/test_heading_ids.py), and the
    menu carries the address's fragment over."""
    (other,) = [each for each in LANGUAGES if each != language]
    page.goto(served.url(url_path(language, "queue")) + "#drain-before-join")
    page.locator(".md-header .md-select > button").hover()
    page.locator(f'.md-select__link[hreflang="{other}"]').click()
    page.wait_for_url(served.url(url_path(other, "queue")) + "#drain-before-join")
    expect(page.locator("#drain-before-join")).to_be_in_viewport()
