"""The offline copy (hooks/offline_copy.py), unpacked and opened straight from
disk (`file://`) in Chromium: every page is there, both languages load and
switch, search answers in the page's language, diagrams show, and nothing is
requested from anywhere but the disk.  The last test makes the check fail on
purpose, with the index script missing from the copy.

The copy is built here, by the hook's own `build_copy`: the shared `site`
fixture is a plain `mkdocs build`, which leaves the copy out
(`MKDOCS_OFFLINE_COPY`, hooks/offline_copy.py)."""

from __future__ import annotations

import zipfile
from pathlib import Path, PurePosixPath

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect

from hooks.offline_copy import FOLDER, ZIP, build_copy
from hooks.site_map import HOME, LANGUAGES, page_at, twin, url_path
from tests.browser.helpers.page_events import PageRecorder, diagram_problems, wait_for_diagrams
from tests.browser.helpers.search_box import search
from tests.browser.helpers.site_pages import SITE_PAGES
from verifier.catalog import REPO_ROOT

pytestmark = pytest.mark.xdist_group("site-browser-offline_copy")

# Per language: a query, and the page (with diagrams) it must find in the first 3.
QUERIES = {"zh": ("队列", "queue"), "en": ("queue", "queue")}
# A pasted message that only the fixed search worker (hooks/search_worker.py)
# finds, and the page it must find in the first 3: from disk the worker runs
# in an iframe, as a script, and the fixes must work there too.
PASTED = {
    "zh": ("TypeError: cannot pickle 'generator' object", "errors"),
    "en": ("exit code -7", "containers"),
}


def offline_file(url: str) -> str:
    """Where the page built at `url` (`en/queue/`, ``) is in the offline copy,
    which is built without directory URLs: `en/queue.html`, `index.html`."""
    return url + "index.html" if page_at(url)[1] == HOME else url.rstrip("/") + ".html"


@pytest.fixture(scope="module")
def offline_zip(tmp_path_factory) -> Path:
    """The site's offline copy, zipped, as `python3 dev.py build` puts it into the site."""
    target = tmp_path_factory.mktemp("offline-zip") / PurePosixPath(ZIP).name
    build_copy(REPO_ROOT / "mkdocs.yml", target)
    return target


@pytest.fixture(scope="module")
def copy(offline_zip: Path, tmp_path_factory) -> Path:
    """The site's offline copy, unpacked; its folder."""
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(target)
    return target / FOLDER


def test_the_copy_holds_every_page(offline_zip: Path, copy: Path) -> None:
    with zipfile.ZipFile(offline_zip) as archive:
        names = archive.namelist()
    assert {PurePosixPath(name).parts[0] for name in names} == {FOLDER}
    missing = [p.path for p in SITE_PAGES if not (copy / offline_file(p.path)).is_file()]
    assert not missing, missing
    assert (copy / "search" / "search_index.js").is_file()
    # From disk the index comes as a script; the JSON indexes would be dead weight.
    assert not list((copy / "search").glob("*.json"))


def offline_problems(page: Page, copy: Path, language: str) -> list[str]:
    """Open the copy's home page of `language` from disk, search, open the page
    found and its diagrams, switch language: what went wrong."""
    root = copy.as_uri() + "/"
    recorder = PageRecorder(page, "file://")
    page.goto(root + offline_file(url_path(language, HOME)))
    problems = []
    for query, expected in (QUERIES[language], PASTED[language]):
        try:
            found = [url.removeprefix(root) for url in search(page, query)]
        except PlaywrightError as error:
            return [f"search {query!r} never answered: {error.message.splitlines()[0]}"] + (
                recorder.errors
            )
        wanted = offline_file(url_path(language, expected))
        if wanted not in found[:3]:
            problems.append(f"search {query!r}: {wanted} not in the first 3: {found[:3]}")
        foreign = [url for url in found if page_at(url)[0] != language]
        if foreign:
            problems.append(f"search {query!r}: results in another language: {foreign}")
    name = QUERIES[language][1]
    page.goto(root + offline_file(url_path(language, name)))
    wait_for_diagrams(page)
    diagrams = next(p.diagrams for p in SITE_PAGES if (p.language, p.name) == (language, name))
    problems += diagram_problems(page, diagrams)
    other = next(each for each in LANGUAGES if each != language)
    page.locator(".md-header .md-select > button").hover()
    page.locator(f'.md-select__link[hreflang="{other}"]').click()
    expect(page.locator("html")).to_have_attribute("lang", other)
    if page.url != root + offline_file(twin(language, name)):
        problems.append(f"language menu led to {page.url}")
    problems += recorder.errors
    problems += [f"request outside the copy: {url}" for url in recorder.external]
    return problems


@pytest.fixture
def file_page(new_page) -> Page:
    """A page that may load `file://` URLs and nothing else."""
    return new_page(allowed="file://")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_copy_works_from_disk(file_page: Page, copy: Path, language: str) -> None:
    problems = offline_problems(file_page, copy, language)
    assert not problems, "\n".join(problems)


def test_offline_check_finds_search_without_its_index(file_page: Page, copy: Path) -> None:
    """Without its index script the copy cannot search, and the check says so."""
    index = copy / "search" / "search_index.js"
    kept = index.read_bytes()
    index.unlink()
    file_page.set_default_timeout(5_000)
    try:
        problems = "\n".join(offline_problems(file_page, copy, "en"))
    finally:
        index.write_bytes(kept)
    assert "search 'queue' never answered" in problems, problems
    assert "search_index.js" in problems, problems


def test_the_markdown_button_opens_the_markdown_from_disk(file_page: Page, copy: Path) -> None:
    """From disk there is no fetch to copy with: the button is a link, and
    opens the page's Markdown instead."""
    file_page.goto((copy / "en" / "queue.html").as_uri())
    file_page.get_by_role("link", name="Copy page as Markdown", exact=True).click()
    file_page.wait_for_url((copy / "en" / "queue.md").as_uri())
    text = (copy / "en" / "queue.md").read_text(encoding="utf-8")
    assert file_page.locator("pre").inner_text().strip() == text.strip()
