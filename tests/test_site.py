"""The built site: strict build, self-contained pages, language switcher, search.

The site is built once per worker (`mkdocs build --strict`, both languages; the
`site` fixture of conftest.py) and every test here reads the result; the xdist
group `site-site` keeps them on one worker.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from devtools.built_site import Site, parse_html
from hooks import error_index, i18n_fixes, search_worker, verified_marks
from hooks.archives import KIT_PATH
from hooks.site_map import (
    CONFIG_FILE,
    HOME,
    LANGUAGES,
    catalog_page,
    html_file,
    other_language,
    page_at,
    twin,
    url_of,
    url_path,
)
from hooks.strings import strings
from verifier.catalog import REPO_ROOT, site_catalog
from verifier.fences import scan_fences
from verifier.interpreters import END_OF_LIFE, SUPPORTED

pytestmark = pytest.mark.xdist_group("site-site")


def test_strict_build_succeeds_without_warnings(site: Site, record_property) -> None:
    record_property("build_seconds", round(site.seconds, 2))
    warnings = [line for line in site.log.splitlines() if "WARNING" in line or "ERROR" in line]
    assert site.returncode == 0 and not warnings, site.log
    assert (site.dir / "index.html").exists() and (site.dir / "en" / "index.html").exists()


# Attributes through which a page makes the browser fetch something by itself.
_FETCHING = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "audio": "src",
    "video": "src",
    "embed": "src",
    "object": "data",
    "link": "href",
}
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


def test_pages_request_nothing_outside_the_site(site: Site) -> None:
    found = []
    for page in site.pages():
        for tag in parse_html(page.read_text(encoding="utf-8")):
            attr = _FETCHING.get(tag.name)
            if not attr or not _EXTERNAL.match(tag.attrs.get(attr) or ""):
                continue
            if tag.name == "link" and tag.attrs.get("rel") in {"alternate", "canonical"}:
                continue  # navigation hints, never fetched by the browser
            found.append(f"{page.relative_to(site.dir)}: <{tag.name} {attr}={tag.attrs[attr]}>")
    for css in site.dir.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^)'\"]+)", css.read_text(encoding="utf-8")):
            if _EXTERNAL.match(url):
                found.append(f"{css.relative_to(site.dir)}: url({url})")
    assert not found, "\n".join(found)


def test_every_page_is_built_where_the_site_map_says(site: Site) -> None:
    """hooks.site_map, which tests and tools ask where a page is, agrees with the build."""
    built = {url_of(page.relative_to(site.dir)) for page in site.pages()}
    mapped = {url_path(*catalog_page(page)) for page in site_catalog().pages}
    assert built == mapped
    assert all(url_path(*page_at(url)) == url for url in built)


def test_html_lang_matches_the_page_language(site: Site) -> None:
    wrong = []
    for page in site.pages():
        relative = page.relative_to(site.dir)
        expected, _ = page_at(url_of(relative))
        lang = parse_html(page.read_text(encoding="utf-8"))[0].attrs.get("lang")
        if lang != expected:
            wrong.append(f"{relative}: lang={lang!r}, expected {expected!r}")
    assert not wrong, "\n".join(wrong)


def test_language_switcher_leads_to_the_same_page(site: Site) -> None:
    wrong = []
    for page in site.pages():
        relative = page.relative_to(site.dir)
        language, name = page_at(url_of(relative))
        expected = twin(language, name)
        links = {
            tag.attrs.get("hreflang"): tag.attrs["href"]
            for tag in parse_html(page.read_text(encoding="utf-8"))
            if tag.name == "a" and "md-select__link" in tag.attrs.get("class", "")
        }
        target_lang = other_language(language)
        href = links.get(target_lang)
        resolved = (page.parent / (href or "MISSING")).resolve()
        resolved = resolved / "index.html" if resolved.is_dir() else resolved
        if href is None or resolved != (site.dir / expected / "index.html").resolve():
            wrong.append(f"{relative}: {target_lang} link {href!r}, expected {expected}")
    assert not wrong, "\n".join(wrong)


# (query, page that must contain every word of it); Chinese words must be
# found inside longer compounds, as 内存 inside 共享内存.
SEARCHES = [
    ("管道", ""),
    ("队列", "queue/"),
    ("管道", "pipe/"),
    ("管理器", "manager/"),
    ("内存", ""),
    ("共享内存", ""),
    ("死锁", "queue/"),
    ("pipe", "en/pipe/"),
    ("queue", "en/queue/"),
    ("deadlock", "en/queue/"),
]


def _glossary_terms() -> list[tuple[str, str]]:
    """(query, glossary page) for every Chinese and English term of the glossary."""
    table = (REPO_ROOT / "docs" / "_includes" / "glossary-table.md").read_text(encoding="utf-8")
    searches = []
    for row in table.splitlines()[2:]:
        chinese, english = (cell.strip() for cell in row.strip("|").split("|")[:2])
        searches += [(term.strip(), "glossary/") for term in chinese.split("、")]
        searches += [(term.strip(), "en/glossary/") for term in english.split(",")]
    return searches


def _tokenize(text: str, separator: re.Pattern) -> set[str]:
    text = re.sub(r"<[^>]+>", " ", text).lower()
    return {token for token in separator.split(text) if token}


def _segment(query: str, terms: set[str]) -> list[str]:
    """Material's greedy split of Chinese runs of a query into indexed terms."""
    segments = []
    for run in re.findall(r"[\u4e00-\u9fff]+|[^\u4e00-\u9fff]+", query):
        if not re.match(r"[\u4e00-\u9fff]", run):
            segments.append(run)
            continue
        i = 0
        while i < len(run):
            j = next(j for j in range(len(run), i, -1) if run[i:j] in terms or j == i + 1)
            segments.append(run[i:j])
            i = j
    return segments


class SearchIndex:
    """The built search index, split into words the way Material's client does."""

    def __init__(self, path: Path):
        index = json.loads(path.read_text(encoding="utf-8"))
        self.separator = re.compile(index["config"]["separator"])
        self.words_by_page: dict[str, set[str]] = {}
        for doc in index["docs"]:
            page = doc["location"].split("#")[0]
            words = _tokenize(doc["title"] + " " + doc["text"], self.separator)
            self.words_by_page.setdefault(page, set()).update(words)
        self.terms = set().union(*self.words_by_page.values())


@pytest.fixture(scope="session")
def search_index(site: Site) -> SearchIndex:
    return SearchIndex(site.dir / "search" / "search_index.json")


@pytest.mark.parametrize(("query", "location"), SEARCHES + _glossary_terms())
def test_search_index_finds(search_index: SearchIndex, query: str, location: str) -> None:
    """A model of Material's client-side search over the built index: the
    index is split with the configured separator (jieba's \\u200b included),
    a Chinese query is split into indexed terms, and every term must prefix-match
    a word of the expected page."""
    separator = search_index.separator
    pieces = [p for part in query.lower().split() for p in separator.split(part) if p]
    words = [w for piece in pieces for w in _segment(piece, search_index.terms)]
    page_tokens = search_index.words_by_page.get(location, set())
    missing = [w for w in words if not any(t.startswith(w) for t in page_tokens)]
    assert page_tokens and not missing, f"{query!r} -> {words}: {missing} not in {location!r}"


def test_each_language_has_its_own_search_index(site: Site) -> None:
    """The merged index split by page language (hooks/i18n_fixes.py): each
    language's index holds exactly its own pages, and together they hold the
    merged index's entries, in its order, with its settings; besides, the
    sections that show an error message of the error index have the messages
    in a field of their own (hooks/error_index.py)."""
    merged = json.loads((site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    field = error_index.SEARCH_FIELD
    parts = {}
    for language in LANGUAGES:
        path = site.dir / "search" / f"search_index.{language}.json"
        parts[language] = json.loads(path.read_text(encoding="utf-8"))
        config = parts[language]["config"]
        assert config["fields"].pop(field) == {"boost": error_index.SEARCH_BOOST}
        assert config == merged["config"]
        shown = [doc.pop(field) for doc in parts[language]["docs"] if field in doc]
        assert len(shown) > 20 and all(shown), shown
        foreign = [
            doc["location"]
            for doc in parts[language]["docs"]
            if page_at(doc["location"])[0] != language
        ]
        assert not foreign, f"{language} index has {foreign[:5]}"
        assert url_path(language, HOME) in {doc["location"] for doc in parts[language]["docs"]}
    by_location = {
        doc["location"]: doc for language in LANGUAGES for doc in parts[language]["docs"]
    }
    assert sorted(by_location) == sorted(doc["location"] for doc in merged["docs"])
    assert all(by_location[doc["location"]] == doc for doc in merged["docs"])


def test_the_offline_copys_sections_get_their_messages_too() -> None:
    """The offline copy's index names its sections without directory URLs
    (`en/pools.html#x`): the error index's field finds them all the same
    (tests/browser/test_offline_copy.py searches a message there)."""
    messages = {"en/pools/#x": "E: <a>", "errors/#y": "F"}
    index = {
        "config": {"fields": {}},
        "docs": [
            {"location": "en/pools.html#x"},
            {"location": "errors.html#y"},
            {"location": "index.html"},
        ],
    }
    i18n_fixes.with_error_messages(index, messages)
    assert [doc.get(error_index.SEARCH_FIELD) for doc in index["docs"]] == [
        "E: &lt;a&gt;",
        "F",
        None,
    ]
    assert i18n_fixes.directory_url("en/index.html#a") == "en/#a"
    assert (
        i18n_fixes.directory_url("en/contributing/verification.html")
        == "en/contributing/verification/"
    )
    assert i18n_fixes.directory_url("en/pools/#x") == "en/pools/#x"


def test_the_built_site_has_the_fixed_worker(site: Site) -> None:
    """Material's search worker, with hooks/search_worker.py's fixes."""
    [script] = (site.dir / search_worker.WORKERS).glob("search.*.min.js")
    text = script.read_text(encoding="utf-8")
    assert text.startswith(search_worker.MARK) and search_worker.FIXED_LOOP in text


def test_api_reference_headings_follow_the_page_language(site: Site) -> None:
    """The English page shows the whole reference, with English headings; the
    Chinese one each object's signature and first paragraph only (the
    docstrings are English), under a note in Chinese that links to the English
    reference (hooks/i18n_fixes.py)."""
    zh_file = site.dir / "contributing" / "verification" / "index.html"
    zh = zh_file.read_text(encoding="utf-8")
    en = (site.dir / "en" / "contributing" / "verification" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "Parameters" in en and "参数" not in en
    for heading in ("Parameters", "Returns", "参数", "返回"):
        assert f'<span class="doc-section-title">{heading}' not in zh
    objects = en.count('class="doc doc-heading"')
    assert objects > 20 and zh.count('class="doc doc-heading"') == objects
    note = re.search(
        r'<div class="admonition note api-reference-language">.*?'
        r'<a href="([^"#]*)#([^"]+)" hreflang="en">.*?</div>',
        zh,
        flags=re.DOTALL,
    )
    assert note and "英文文档字符串" in note[0], "no note in Chinese above the reference"
    target = (zh_file.parent / note[1] / "index.html").resolve()
    assert target == (site.dir / "en" / "contributing" / "verification" / "index.html")
    assert f'id="{note[2]}"' in en
    assert len(_words(zh, r"[A-Za-z]+")) < len(_words(en, r"[A-Za-z]+")) / 2


def _words(page: str, word: str) -> list[str]:
    """The words of a page's article that are not code."""
    article = page[page.index("<article") : page.index("</article>")]
    text = re.sub(r"<(pre|code)\b.*?</\1>", " ", article, flags=re.DOTALL)
    return re.findall(word, html.unescape(re.sub(r"<[^>]+>", " ", text)))


def test_heading_links_are_titled_in_the_page_language(site: Site) -> None:
    """The toc extension titles every heading's link "Permanent link"; the
    Chinese pages say it in Chinese (hooks/i18n_fixes.py)."""
    wrong = []
    titles = {"zh": "永久链接", "en": "Permanent link"}
    for page in site.pages():
        relative = page.relative_to(site.dir)
        language, _ = page_at(url_of(relative))
        links = [
            tag.attrs.get("title")
            for tag in parse_html(page.read_text(encoding="utf-8"))
            if tag.name == "a" and "headerlink" in tag.attrs.get("class", "").split()
        ]
        other = {title for title in links if title != titles[language]}
        if not links or other:
            wrong.append(f"{relative}: {len(links)} heading links, titled {other or '-'}")
        if language != "en" and "Permanent link" in page.read_text(encoding="utf-8"):
            wrong.append(f"{relative}: says Permanent link")
    assert not wrong, "\n".join(wrong)


def _text(fragment: str) -> str:
    fragment = re.sub(r"<svg\b.*?</svg>", " ", fragment, flags=re.DOTALL)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def test_the_footer_speaks_the_page_language(site: Site) -> None:
    """Material writes "Made with Material for MkDocs" in English on every page
    (overrides/partials/copyright.html); on a Chinese page the footer's only
    English is the names: the theme's, and the page titles of the links."""
    wrong = []
    for page in site.pages():
        relative = page.relative_to(site.dir)
        language, _ = page_at(url_of(relative))
        text = page.read_text(encoding="utf-8")
        footer = text[text.index('<footer class="md-footer">') : text.index("</footer>")]
        meta = footer[footer.index('<div class="md-copyright">') :]
        meta = _text(meta[: meta.index("</div>")])
        titles = re.findall(r'<div class="md-ellipsis">(.*?)</div>', footer, flags=re.DOTALL)
        names = " ".join([*map(_text, titles), "Material for MkDocs"])
        english = set(re.findall(r"[A-Za-z]{2,}", _text(footer))) - set(
            re.findall(r"[A-Za-z]{2,}", names)
        )
        if language == "en":
            if "Made with Material for MkDocs" not in meta:
                wrong.append(f"{relative}: {meta!r}")
        elif english or "Made with" in text or meta != "本站使用 Material for MkDocs 构建":
            wrong.append(f"{relative}: English in the footer {sorted(english)}: {meta!r}")
    assert not wrong, "\n".join(wrong)


def test_every_rendered_code_block_comes_from_a_checked_fence(site: Site) -> None:
    """The page checker sees every code block the reader sees (none is added by
    an include the checker does not expand, for example)."""
    wrong = []
    for page in site_catalog().pages:
        blocks = [
            tag
            for tag in site.html(html_file(page))
            if (
                tag.name == "div"
                and "highlight" in tag.attrs.get("class", "").split()
                and "doc-signature" not in tag.attrs.get("class", "")
            )
            or (tag.name == "pre" and "mermaid" in tag.attrs.get("class", "").split())
        ]
        source = scan_fences((REPO_ROOT / page.path).read_text(encoding="utf-8"), page.path)
        if len(blocks) != len(source):
            wrong.append(f"{page.path}: {len(source)} fences, {len(blocks)} rendered code blocks")
    assert not wrong, "\n".join(wrong)


def _scripts(tags) -> list[str]:
    return [t.attrs["src"] for t in tags if t.name == "script" and "src" in t.attrs]


def test_mermaid_loads_from_the_site_and_only_on_pages_with_a_diagram(site: Site) -> None:
    """Material fetches Mermaid from unpkg.com unless a global `mermaid` exists
    when its bundle runs; the site's stand-in (mermaid-on-demand.js, which
    loads the vendored Mermaid only for a diagram not drawn ahead) must come
    first, and only where a diagram is shown."""
    with_diagram = 0
    for path in site.pages():
        tags = parse_html(path.read_text(encoding="utf-8"))
        scripts = _scripts(tags)
        mermaid = [i for i, src in enumerate(scripts) if "/vendor/mermaid-" in src]
        shows = any(
            t.name in {"pre", "div"} and "mermaid" in t.attrs.get("class", "").split() for t in tags
        )
        where = path.relative_to(site.dir).as_posix()
        assert bool(mermaid) == shows, f"{where}: diagram {shows}, mermaid script {mermaid}"
        if shows:
            with_diagram += 1
            bundle = next(i for i, src in enumerate(scripts) if "/bundle." in src)
            assert mermaid[0] < bundle, f"{where}: Mermaid must load before Material's bundle"
            assert (path.parent / scripts[mermaid[0]]).resolve().is_file(), where
    assert with_diagram >= 6, "queue, pipe and manager show a diagram in each language"


def test_instant_navigation_stays_off() -> None:
    """With navigation.instant, a page reached by a click would not run the
    per-page Mermaid script, and Material would fetch Mermaid from a CDN."""
    config = CONFIG_FILE.read_text(encoding="utf-8")
    assert "navigation.instant" not in config


def test_every_verified_program_shows_what_it_is_verified_under(site: Site) -> None:
    """The mark above each program is derived from the page's declarations (the
    ones the example tests enforce), one per program, in page order; each
    links to the check kit, named in the page's language."""
    mark = re.compile(
        r'<p class="verified-under"><a [^>]*>([^<]*)</a> · '
        r'<a download="check-kit.zip" href="([^"]*)" title="[^"]*">([^<]*)</a></p>'
    )
    wrong = []
    for page in site_catalog().pages:
        language, _ = catalog_page(page)
        built = site.dir / html_file(page)
        found = mark.findall(built.read_text(encoding="utf-8"))
        shown = [html.unescape(text) for text, _, _ in found]
        wanted = [verified_marks.mark_text(p, language) for p in page.examples]
        if shown != wanted:
            wrong.append(f"{page.path}: shows {shown}, declarations say {wanted}")
        kit = site.dir / KIT_PATH
        for _, href, label in found:
            if (built.parent / href).resolve() != kit.resolve() or not kit.is_file():
                wrong.append(f"{page.path}: the kit link {href} is not {KIT_PATH}")
            if html.unescape(label) != strings(language)["verified_mark"]["kit"]:
                wrong.append(f"{page.path}: the kit link says {label!r}")
    assert not wrong, "\n".join(wrong)


def test_marks_name_exactly_the_range_the_suite_runs() -> None:
    """No open-ended "3.9+": the range ends at the newest line the suite requires.
    The expected texts come from `SUPPORTED` and `END_OF_LIFE`, so a new line needs
    no edit here."""
    shown = {
        (catalog_page(p)[0], example.file): example
        for p in site_catalog().pages
        for example in p.examples
    }
    oldest, newest = SUPPORTED[0], SUPPORTED[-1]
    past = [line for line in SUPPORTED if line in END_OF_LIFE]
    eol = "–".join(dict.fromkeys((past[0], past[-1]))) + " EOL" if past else ""
    every = f"Python {oldest}–{newest}"
    # preload_on_error.py claims 3.15 on: the range from there to the newest line.
    preload = "3.15" if newest == "3.15" else f"3.15–{newest}"
    cases = {
        ("en", "examples/queue/put_get.py"): (
            f"Verified: fork · spawn · forkserver · {every}" + (f" ({eol})" if eol else "")
        ),
        ("zh", "examples/queue/put_get.py"): (
            f"已验证：fork · spawn · forkserver · {every}" + (f"（{eol}）" if eol else "")
        ),
        ("en", "examples/start-methods/preload_on_error.py"): (
            f"Verified: fork · spawn · forkserver · Python {preload} · Linux, macOS only"
        ),
    }
    for (language, example), wanted in cases.items():
        assert verified_marks.mark_text(shown[language, example], language) == wanted
