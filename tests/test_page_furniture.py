"""What every page carries besides its content, in the built site: the date of
its last update from git, in its language; the links to edit it and view its
source, from mkdocs.yml's one `repo_url`, without the header component that
would call the GitHub API; its Markdown, programs inlined, listed in
llms.txt; and the site's 404 page in both languages.

The browser tests (tests/browser/test_page_furniture.py) click what these
only read: the Markdown button, the 404 page's links."""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import pytest

from devtools.built_site import Site, parse_html
from hooks import page_markdown
from hooks.site_map import HOME, LANGUAGES, catalog_page, html_file, site_config, url_path
from verifier.catalog import REPO_ROOT, site_catalog

pytestmark = pytest.mark.xdist_group("site-page_furniture")

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# The date as the plugin writes it in each language (babel's "long" date format).
DATE = {
    "zh": (re.compile(r"最后更新：<span [^>]*>(\d{4})年(\d{1,2})月(\d{1,2})日</span>"), (0, 1, 2)),
    "en": (
        re.compile(rf"Last update: <span [^>]*>({'|'.join(MONTHS)}) (\d{{1,2}}), (\d{{4}})</span>"),
        (2, 0, 1),
    ),
}


def shown_date(text: str, language: str) -> datetime.date | None:
    """The last-update date a page's HTML shows, read in its language's format."""
    pattern, (year, month, day) = DATE[language]
    found = pattern.search(text)
    if not found:
        return None
    parts = found.groups()
    number = MONTHS.index(parts[month]) + 1 if language == "en" else int(parts[month])
    return datetime.date(int(parts[year]), number, int(parts[day]))


def git_date(source: str) -> datetime.date:
    """The date git gives the page's source file, as the plugin asks for it (the
    newest commit that changed more than whitespace; UTC), or today where git
    has none, the plugin's fallback to the build date."""
    found = subprocess.run(
        ["git", "log", "-1", "--format=%at", "--diff-filter=r", "--ignore-all-space"]
        + ["--ignore-blank-lines", "--follow", "--", source],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    if not found:
        return datetime.datetime.now(datetime.timezone.utc).date()
    return datetime.datetime.fromtimestamp(int(found), datetime.timezone.utc).date()


def date_problems(built: Path) -> list[str]:
    """What is wrong with the dates of the pages of the site built in `built`."""
    problems = []
    for page in site_catalog().pages:
        language, _ = catalog_page(page)
        text = (built / html_file(page)).read_text(encoding="utf-8")
        shown, wanted = shown_date(text, language), git_date(page.path.as_posix())
        if shown != wanted:
            problems.append(f"{page.path}: last update shown {shown}, git says {wanted}")
    return problems


def test_every_page_says_when_it_was_last_updated(site: Site) -> None:
    assert not date_problems(site.dir), "\n".join(date_problems(site.dir))


def copy_of(site: Site, files: list[str], into: Path) -> Path:
    """`files` of the built `site` (paths relative to it), copied into `into`: a
    planted fault goes there, never into the site the other test modules read
    at the same time (pytest-xdist runs them side by side)."""
    for name in files:
        (into / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(site.dir / name, into / name)
    return into


def test_the_date_check_finds_a_wrong_or_missing_date(site: Site, tmp_path: Path) -> None:
    copy = copy_of(site, [html_file(page) for page in site_catalog().pages], tmp_path)
    page = site_catalog().pages[0]
    language, _ = catalog_page(page)
    built = copy / html_file(page)
    kept = built.read_text(encoding="utf-8")
    year = DATE[language][0].search(kept)[1 if language == "zh" else 3]
    built.write_text(kept.replace(f"{year}", "1999"), encoding="utf-8")
    wrong = "\n".join(date_problems(copy))
    built.write_text(DATE[language][0].sub("", kept), encoding="utf-8")
    missing = "\n".join(date_problems(copy))
    assert f"{page.path}: last update shown 1999-" in wrong
    assert f"{page.path}: last update shown None" in missing


def _links(site: Site, page) -> list[dict[str, str]]:
    return [tag.attrs for tag in site.html(html_file(page)) if tag.name == "a"]


def test_every_page_links_to_its_source_without_calling_an_api(site: Site) -> None:
    """The edit and view links lead to the page's own file in the repository of
    mkdocs.yml (`repo_url`, `edit_uri`: the one place to change); the header's
    repository link carries no `data-md-component`, which would make Material's
    script fetch stars and forks from the GitHub API on every page."""
    config = site_config()
    edit = f"{config['repo_url'].rstrip('/')}/{config['edit_uri']}"
    wrong = []
    for page in site_catalog().pages:
        source = PurePosixPath(*page.path.parts[1:]).as_posix()  # en/queue.md
        links = _links(site, page)
        edits = [a["href"] for a in links if a.get("rel") == "edit"]
        views = [a["href"] for a in links if a.get("href", "").endswith(f"/raw/main/docs/{source}")]
        if edits != [edit + source] or len(views) != 1:
            wrong.append(f"{page.path}: edit links {edits}, view links {views}")
        # In the header, and again in the navigation drawer of small screens.
        header = [a for a in links if "md-source" in a.get("class", "").split()]
        if not header or any(
            "data-md-component" in a or a["href"] != config["repo_url"] for a in header
        ):
            wrong.append(f"{page.path}: repository links {header}")
    assert not wrong, "\n".join(wrong)


def test_llms_txt_lists_every_page_with_its_markdown(site: Site) -> None:
    """llms.txt at the site root links every page of both languages, once each,
    to its Markdown, with the page's description."""
    text = (site.dir / "llms.txt").read_text(encoding="utf-8")
    assert text.startswith("# "), text[:200]
    links = re.findall(r"^- \[([^\]]+)\]\(([^)]+)\)(?:: (.*))?$", text, re.MULTILINE)
    listed = [target for _, target, _ in links]
    wanted = [url_path(*catalog_page(page)) + "index.md" for page in site_catalog().pages]
    assert sorted(listed) == sorted(wanted)
    missing = [target for target in listed if not (site.dir / target).is_file()]
    assert not missing, missing
    for page in site_catalog().pages:
        target = url_path(*catalog_page(page)) + "index.md"
        description = next(d for _, t, d in links if t == target)
        source = (REPO_ROOT / page.path).read_text(encoding="utf-8")
        meta = re.search(r'^description: "(.*)"$', source, re.MULTILINE)
        assert description == (meta[1] if meta else ""), target


def markdown_problems(built: Path) -> list[str]:
    """Each page's Markdown is its source with every include inlined: no
    `--8<--` line left but those the page shows as text (written `;--8<--`),
    and each program as a reader copies it (markers removed)."""
    include = re.compile(r"^[ \t]*--8<--", re.MULTILINE)
    shown = re.compile(r"^[ \t]*;--8<--", re.MULTILINE)
    problems = []
    for page in site_catalog().pages:
        target = url_path(*catalog_page(page)) + "index.md"
        text = (built / target).read_text(encoding="utf-8")
        source = (REPO_ROOT / page.path).read_text(encoding="utf-8")
        if len(include.findall(text)) != len(shown.findall(source)):
            problems.append(f"{target}: an include is left")
        for example in page.examples:
            indent = " " * example.fence.indent
            lines = example.code.rstrip("\n").splitlines(keepends=True)
            code = "".join(indent + line if line.strip() else line for line in lines)
            if code + "\n" not in text:
                problems.append(f"{target}: {example.file} is not inlined as shown")
    return problems


def test_each_page_markdown_inlines_its_programs(site: Site) -> None:
    assert not markdown_problems(site.dir), "\n".join(markdown_problems(site.dir))


def test_the_markdown_check_finds_an_include_left(site: Site, tmp_path: Path) -> None:
    pages = site_catalog().pages
    copy = copy_of(site, [url_path(*catalog_page(p)) + "index.md" for p in pages], tmp_path)
    page = next(p for p in pages if p.examples)
    target = copy / (url_path(*catalog_page(page)) + "index.md")
    kept = target.read_text(encoding="utf-8")
    program = page.examples[0].code.rstrip("\n")
    target.write_text(kept.replace(program, '--8<-- "x.py"'), encoding="utf-8")
    problems = "\n".join(markdown_problems(copy))
    assert "an include is left" in problems and "is not inlined as shown" in problems


def test_the_404_page_speaks_both_languages(site: Site) -> None:
    """One 404.html for every missing path: the default language's frame,
    a section in each language, each linking to its home page."""
    text = (site.dir / "404.html").read_text(encoding="utf-8")
    tags = parse_html(text)
    assert next(t for t in tags if t.name == "html").attrs["lang"] == LANGUAGES[0]
    sections = [t.attrs["lang"] for t in tags if t.name == "section" and "lang" in t.attrs]
    assert sections == list(LANGUAGES)
    # MkDocs gives the 404 page the path of `site_url` as its base, `/` unset.
    base = urlsplit(site_config().get("site_url") or "/").path.rstrip("/")
    homes = re.findall(r'<section lang="\w+">.*?<a href="([^"]*)"', text, re.DOTALL)
    assert homes == [f"{base}/{url_path(language, HOME)}" for language in LANGUAGES]


def test_the_markdown_names_match_the_pages() -> None:
    assert page_markdown.markdown_path("en/queue/index.html") == "en/queue/index.md"
    assert page_markdown.markdown_path("queue.html") == "queue.md"
