"""The download buttons in a real browser (hooks/downloads.py): beside the copy
button, big enough to touch, and a click saves the example file as it is in
examples/ (the page's zip too).  The last tests make the check fail on
purpose: a hidden button, and a download whose bytes differ."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers.code_blocks import PROGRAM_BLOCKS
from verifier.catalog import REPO_ROOT

pytestmark = pytest.mark.xdist_group("site-browser-downloads")

MIN_TARGET_PX = 24
"""WCAG 2.2's minimum touch target, which Lighthouse checks too."""
_HIDE_DOWNLOADS = """document.addEventListener("DOMContentLoaded", () => {
    const style = document.createElement("style");
    style.textContent = ".code-download { display: none !important }";
    document.head.append(style);
})"""
_OTHER_FILE = """document.addEventListener("DOMContentLoaded", () => {
    const link = document.querySelector(".code-download");
    link.href = link.href.replace("put_get.py", "joinable_queue.py");
})"""
CASES = [("en/queue/", "Download put_get.py"), ("queue/", "下载 put_get.py")]


def download_problems(page: Page, url: str, label: str, file: str) -> list[str]:
    """Open `url`, bring its first program into view and click the download
    button named `label`: what is wrong with where it is and what it saves."""
    page.goto(url)
    block = page.locator(PROGRAM_BLOCKS).first
    block.scroll_into_view_if_needed()
    copy = block.locator("button.md-code__button[data-md-type=copy]")
    expect(copy).to_be_visible()  # Material adds it as the block nears the viewport
    link = block.get_by_role("link", name=label, exact=True)
    problems = []
    if not link.is_visible():
        return [f"{url}: no visible link named {label!r}"]
    box, beside = link.bounding_box(), copy.bounding_box()
    if min(box["width"], box["height"]) < MIN_TARGET_PX:
        problems.append(f"{url}: the link is {box['width']}x{box['height']} px")
    # Beside it: to its left, not overlapping, vertically level with it.
    centre = box["y"] + box["height"] / 2
    if not (box["x"] + box["width"] <= beside["x"] < box["x"] + box["width"] + 40) or not (
        beside["y"] <= centre <= beside["y"] + beside["height"]
    ):
        problems.append(f"{url}: the link at {box} is not beside the copy button at {beside}")
    with page.expect_download() as download:
        link.click()
    saved = download.value
    if saved.suggested_filename != file.rsplit("/", 1)[-1]:
        problems.append(f"{url}: saved as {saved.suggested_filename}")
    if saved.path().read_bytes() != (REPO_ROOT / file).read_bytes():
        problems.append(f"{url}: the saved file differs from {file}")
    return problems


@pytest.mark.parametrize(("url", "label"), CASES)
def test_download_button_beside_copy_saves_the_file(page: Page, served, url, label) -> None:
    problems = download_problems(page, served.url(url), label, "examples/queue/put_get.py")
    assert not problems, "\n".join(problems)


def test_page_zip_link_downloads_the_zip(page: Page, served) -> None:
    page.goto(served.url("en/languages/"))
    link = page.get_by_role("link", name="Download this page's examples (zip)")
    expect(link).to_be_visible()
    assert link.bounding_box()["height"] >= MIN_TARGET_PX
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "languages.zip"
    built = served.site.dir / "downloads" / "examples" / "languages.zip"
    assert download.value.path().read_bytes() == built.read_bytes()


def test_download_check_finds_a_hidden_button(page: Page, served) -> None:
    page.add_init_script(_HIDE_DOWNLOADS)
    problems = download_problems(
        page, served.url("en/queue/"), "Download put_get.py", "examples/queue/put_get.py"
    )
    assert problems == [f"{served.url('en/queue/')}: no visible link named 'Download put_get.py'"]


def test_download_check_finds_different_bytes(page: Page, served) -> None:
    """The first button made to serve another program of the page, under the same name."""
    page.add_init_script(_OTHER_FILE)
    problems = download_problems(
        page, served.url("en/queue/"), "Download put_get.py", "examples/queue/put_get.py"
    )
    assert problems == [
        f"{served.url('en/queue/')}: the saved file differs from examples/queue/put_get.py"
    ]
