"""Material's search, typed into the search box: the right page comes up."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from hooks import error_index
from hooks.site_map import HOME, LANGUAGES, catalog_page, page_at, url_path
from tests.browser.helpers.page_events import PageRecorder
from tests.browser.helpers.search_box import SEARCH_READY, search
from verifier.catalog import REPO_ROOT, site_catalog

pytestmark = pytest.mark.xdist_group("site-browser-search")

# Per language: (query, the page a reader should land on); that page must be
# among the first TOP results. Together the queries name every page of the
# site (test_searches_cover_every_page), and include the error messages
# readers paste into the box, in both languages' tables.
SEARCHES = {
    "zh": [
        ("进程间数据交换", "index"),
        ("管道", "pipe"),
        ("队列", "queue"),
        ("共享内存", "shared-memory"),
        ("管理器", "manager"),
        ("进程池", "pools"),
        ("锁", "synchronization"),
        ("启动方法", "start-methods"),
        ("死锁", "pitfalls"),
        ("僵尸进程", "pitfalls"),
        ("共享内存泄漏", "shared-memory"),
        ("进程池 异常", "pools"),
        ("回调", "pools"),
        ("返回值", "results"),
        ("数据库连接", "errors"),
        ("守护进程", "process-tree"),
        ("日志", "logging"),
        ("进度条", "progress"),
        ("优雅退出", "stopping"),
        ("Ctrl+C", "stopping"),
        ("Jupyter", "environments"),
        ("远程", "remote"),
        ("Dask", "cluster"),
        ("事件循环", "asyncio"),
        ("asyncio", "asyncio"),
        ("容器", "containers"),
        ("PDEATHSIG", "containers"),
        ("流水线", "pipeline"),
        ("背压", "pipeline"),
        ("写时复制", "large-data"),
        ("threadpoolctl", "large-data"),
        ("检查清单", "python-314"),
        ("只读文件系统", "python-314"),
        ("C 语言", "languages"),
        ("覆盖率", "debugging"),
        ("faulthandler", "debugging"),
        ("子解释器", "interpreters"),
        ("性能对比", "performance"),
        ("术语表", "glossary"),
        ("示例如何验证", "contributing/verification"),
        ("Can't pickle", "pools"),
        ("daemonic processes are not allowed to have children", "process-tree"),
        ("leaked semaphore", "synchronization"),
        ("BrokenProcessPool", "pools"),
        ("按报错查", "by-error"),
    ],
    "en": [
        ("data exchange between processes", "index"),
        ("pipe", "pipe"),
        ("queue", "queue"),
        ("shared memory", "shared-memory"),
        ("manager", "manager"),
        ("pool", "pools"),
        ("lock", "synchronization"),
        ("start method", "start-methods"),
        ("deadlock", "pitfalls"),
        ("zombie process", "pitfalls"),
        ("shared memory leak", "shared-memory"),
        ("pool exception", "pools"),
        ("callback", "pools"),
        ("return value", "results"),
        ("database connection", "errors"),
        ("daemon process", "process-tree"),
        ("logging", "logging"),
        ("progress bar", "progress"),
        ("graceful shutdown", "stopping"),
        ("Ctrl+C", "stopping"),
        ("Jupyter", "environments"),
        ("remote", "remote"),
        ("Dask", "cluster"),
        ("event loop", "asyncio"),
        ("asyncio", "asyncio"),
        ("shm-size", "containers"),
        ("PDEATHSIG", "containers"),
        ("pipeline", "pipeline"),
        ("backpressure", "pipeline"),
        ("copy-on-write", "large-data"),
        ("threadpoolctl", "large-data"),
        ("Python 3.14 checklist", "python-314"),
        ("readOnlyRootFilesystem", "python-314"),
        ("C language", "languages"),
        ("coverage", "debugging"),
        ("faulthandler", "debugging"),
        ("subinterpreter", "interpreters"),
        ("performance comparison", "performance"),
        ("glossary", "glossary"),
        ("how examples are verified", "contributing/verification"),
        ("Can't pickle", "pools"),
        ("daemonic processes are not allowed to have children", "process-tree"),
        ("leaked semaphore", "synchronization"),
        ("BrokenProcessPool", "pools"),
        ("by error message", "by-error"),
    ],
}
TOP = 3

# Error messages as readers paste them, with their own names, numbers and
# addresses where the site's programs print others (or `...`): the page that
# explains each must be among the first TOP results in both languages.  Every
# message of the error index, exactly as the site shows it, is searched by
# test_search_finds_every_error_message.
PASTED = [
    ("TypeError: cannot pickle '_io.BufferedReader' object", "python-314"),
    (
        "AttributeError: Can't get attribute 'process_row' on <module '__main__' (built-in)>",
        "environments",
    ),
    (
        "_pickle.PicklingError: Can't pickle <function <lambda> at 0x7f3b2c1d5e40>: attribute lookup <lambda> on __main__ failed",
        "pools",
    ),
    ("AttributeError: Can't pickle local object 'run.<locals>.handler'", "pools"),
    (
        "UserWarning: resource_tracker: There appear to be 3 leaked shared_memory objects to clean up at shutdown",
        "shared-memory",
    ),
    (
        "UserWarning: resource_tracker: There appear to be 6 leaked semaphore objects to clean up at shutdown",
        "synchronization",
    ),
    ("FileNotFoundError: [Errno 2] No such file or directory: '/psm_4f1a9c2e'", "shared-memory"),
    ("AttributeError: 'AutoProxy[Counter]' object has no attribute 'increment'", "manager"),
    (
        "ResourceWarning: unclosed <socket.socket fd=7, family=1, type=1, proto=0, laddr=('127.0.0.1', 50412)>",
        "debugging",
    ),
    ("ResourceWarning: subprocess 12345 is still running", "debugging"),
    (
        "RuntimeError: An attempt has been made to start a new process before the current process has finished its bootstrapping phase.",
        "pitfalls",
    ),
    ("OSError: [Errno 24] Too many open files", "pitfalls"),
    ("BrokenPipeError: [Errno 32] Broken pipe", "pipe"),
    (
        "concurrent.futures.process.BrokenProcessPool: A process in the process pool was terminated abruptly while the future was running or pending.",
        "pools",
    ),
    (
        "multiprocessing.pool.MaybeEncodingError: Error sending result: '<generator object read_rows at 0x7f0e5c3b2a40>'. Reason: 'TypeError(\"cannot pickle 'generator' object\")'",
        "errors",
    ),
    ("TypeError: cannot pickle 'psycopg2.extensions.connection' object", "errors"),
    ("multiprocessing.context.AuthenticationError: digest received was wrong", "remote"),
    (
        "RuntimeError: Queue objects should only be shared between processes through inheritance",
        "pools",
    ),
    ("Process 4242 terminated abruptly with exit code -9", "pools"),
    (
        "DeprecationWarning: This process (pid=31337) is multi-threaded, use of fork() may lead to deadlocks in the child.",
        "start-methods",
    ),
]


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds(page: Page, served, language: str) -> None:
    # One page for all queries of a language: the search worker indexes the
    # whole site once per page load, which is most of the time this takes.
    page.goto(served.url(url_path(language, HOME)))
    missed = []
    for query, expected in SEARCHES[language] + PASTED:
        found = search(page, query)
        if served.url(url_path(language, expected)) not in found[:TOP]:
            missed.append(f"{query!r}: {expected!r} not in the first {TOP}: {found[:TOP]}")
        # Only pages of the page's language (hooks/i18n_fixes.py, search-on-demand.js).
        foreign = [url for url in found if page_at(url.removeprefix(served.url()))[0] != language]
        if foreign:
            missed.append(f"{query!r}: results in another language: {foreign}")
    assert not missed, "\n".join(missed)


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_every_error_message(page: Page, served, language: str) -> None:
    """Every entry of the error index (docs/_includes/errors.yml), pasted as
    Python prints it, brings up the index and a page that shows the message
    among the first TOP results: a page the index links for it, or another
    page whose text has the message as it is printed (`exit code 1`, which
    several pages explain)."""
    messages = error_messages(language)
    index = served.url(url_path(language, error_index.PAGE))
    page.goto(served.url(url_path(language, HOME)))
    missed = []
    for text, names in messages.items():
        found = search(page, text)[:TOP]
        shown = {served.url(url_path(language, name)) for name in names}
        if index not in found or not shown & set(found):
            missed.append(f"{text!r}: {found} (the index, and one of {sorted(shown)})")
    assert not missed, f"{len(missed)} of {len(messages)} not found:\n" + "\n".join(missed)


def error_messages(language: str) -> dict[str, set[str]]:
    """Every message of the error index as Python prints it, with the names of
    the pages of `language` that show it: those the index links for it, and any
    other page whose Markdown has the message as printed (devtools/search_harness.py
    asks the same)."""
    pages = error_index.pages(REPO_ROOT, language)
    located = error_index.locate(error_index.load(REPO_ROOT), pages)
    return {
        text: {s.page for s in sections} | {name for name, md in pages.items() if text in md}
        for text, sections in located.items()
    }


def test_searches_cover_every_page() -> None:
    """Every page of the site, in both languages, is where some query of the
    table must land: a page no reader query finds would go unchecked.  Needs
    no browser: it runs (and fails) where Chromium is missing too."""
    pages = {catalog_page(page) for page in site_catalog().pages}
    problems = coverage_problems(pages, SEARCHES)
    assert not problems, "\n".join(problems)


def coverage_problems(pages: set[tuple[str, str]], searches: dict) -> list[str]:
    """What is wrong with the query table `searches` for the site's `pages`
    ((language, name) pairs, name as in `docs/<language>/<name>.md`)."""
    expected = {(language, name) for language, rows in searches.items() for _, name in rows}
    problems = [
        f"no search query lands on docs/{language}/{name}.md: add a row "
        f'("<query in that language>", "{name}") to SEARCHES["{language}"] in '
        "tests/browser/test_search.py (every page needs queries in SEARCHES['zh'] "
        "and SEARCHES['en'])"
        for language, name in sorted(pages - expected)
    ]
    problems += [
        f'SEARCHES["{language}"] in tests/browser/test_search.py expects "{name}", '
        f"which is not a page of the site (no docs/{language}/{name}.md)"
        for language, name in sorted(expected - pages)
    ]
    return problems


def test_searches_cover_every_page_finds() -> None:
    """A page that no query of one language lands on, and a query for a page
    that is gone."""
    pages = {catalog_page(page) for page in site_catalog().pages}
    assert coverage_problems(pages, SEARCHES) == []
    without = {**SEARCHES, "en": [row for row in SEARCHES["en"] if row[1] != "logging"]}
    [problem] = coverage_problems(pages, without)
    assert "docs/en/logging.md" in problem and 'SEARCHES["en"]' in problem, problem
    extra = {**SEARCHES, "zh": [*SEARCHES["zh"], ("旧页面", "old-page")]}
    assert coverage_problems(pages, extra) == [
        (
            'SEARCHES["zh"] in tests/browser/test_search.py expects "old-page", '
            "which is not a page of the site (no docs/zh/old-page.md)"
        )
    ]


def test_search_reports_no_result(page: Page, served) -> None:
    """The check above can fail: a word on no page gives no result, and says so."""
    page.goto(served.url(url_path("en", HOME)))
    assert search(page, "xylophone") == []
    expect(page.locator(".md-search-result__meta")).to_have_text("No matching documents")


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_index_comes_when_the_reader_goes_for_search(
    page: Page, served, language: str
) -> None:
    """A page does not fetch the search index (most of what a page would
    weigh) until the reader opens the search; then it fetches its own
    language's index alone, and search works from the site alone, without errors."""
    recorder = PageRecorder(page, served.origin)
    page.goto(served.url(url_path(language, HOME)))
    page.wait_for_load_state("networkidle")
    index = [url for url in recorder.requests if "/search/search_index" in url]
    assert not index, f"fetched before anyone searched: {index}"
    page.locator("input.md-search__input").click()
    page.wait_for_function(SEARCH_READY)
    page.wait_for_load_state("networkidle")
    index = [url for url in recorder.requests if "/search/search_index" in url]
    assert index == [served.url(f"search/search_index.{language}.json")], recorder.requests
    assert not recorder.errors and not recorder.external, recorder.errors + recorder.external
