"""Five fixes to how mkdocs-static-i18n (1.3) builds the Chinese and English sites.

1. `theme.language` per build.  The plugin builds the default language, then
   rebuilds the site once per other language, and sets `theme.language` only in
   its own late `on_config`.  mkdocstrings reads the theme language earlier in
   that event to choose the language of headings such as "Parameters", so the
   English API page came out with the Chinese headings of the build before.

2. Relative language links on the home page.  The plugin points the language
   switcher of every page at the same page in the other language, except on the
   home page, where it leaves the configured absolute links (`/`, `/en/`); those
   break as soon as the site is served below a path, as on GitHub Pages.

3. No `<link rel="alternate" hreflang>` in the page head.  Material's script
   takes every such link for the root of a separately built language site and
   fetches `sitemap.xml` below it, so every page requested two sitemaps that
   do not exist (`/en/queue/sitemap.xml`, ...): 404s and console errors, and a
   click handler that rewrote language links from whatever those fetches
   returned.  The language menu in the header keeps its per-page links, which
   is all readers use; search engines would need absolute hreflang URLs, which
   a site that works at any path cannot give.

4. The root 404.html in the default language.  Every language's build writes
   the site's one 404.html (GitHub Pages serves it for every missing path), so
   the last build's, English, won; it is the Chinese build's again, with the
   Chinese menus around the bilingual text of overrides/404.html.

5. A search index per language.  The plugin merges every language's pages into
   the one `search/search_index.json` that every page loads, so a Chinese
   reader's results listed each English page next to its Chinese twin, and
   both languages' words were downloaded and indexed on every page.  After the
   merged index is written, `search/search_index.<language>.json` holds that
   language's pages alone, and search-on-demand.js asks for the one of the
   page's `<html lang>`.  The offline copy (hooks/offline_copy.py) loads its
   index as a script, `search/search_index.js`, which the offline plugin wrote
   from the merged index; it becomes one that keeps the page language's part.

6. Heading permalinks titled in the page's language.  The toc extension's
   `permalink_title` ("Permanent link") is one setting for every language, and
   the plugin refuses per-language `markdown_extensions`; it is set here for
   each language's build, before the pages (and mkdocstrings, which makes its
   headings with the same extensions) are rendered.

7. The API reference outside English.  mkdocstrings renders the English
   docstrings of `verifier/` on every language's page.  Where the page is not
   English, each object shows its signature and the first paragraph of its
   docstring only (option `extra.summary_only`, read by the template
   hooks/assets/mkdocstrings/python/material/docstring.html.jinja), under a
   note in the page's language that links to the full English reference.

8. The site's interface words in the templates.  Each language's build gets a
   Jinja environment of its own; its global `strings` is the words of the
   language being built (hooks/strings.py), which overrides/ reads
   (`strings.template.copy_markdown`), on pages and on 404.html alike.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from hooks import error_index
from hooks.site_map import DEFAULT_LANGUAGE, LANGUAGES, page_at, page_language, twin, url_path
from hooks.strings import strings

DOCSTRING_LANGUAGE = "en"
"""The language of the docstrings that mkdocstrings renders."""


@event_priority(100)  # before mkdocstrings (0) and i18n (-100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    i18n = config.plugins.get("i18n")
    language = DEFAULT_LANGUAGE
    if i18n is not None:
        language = i18n.current_language or i18n.default_language
        config.theme["language"] = language
    toc = config.mdx_configs.setdefault("toc", {})
    toc["permalink_title"] = strings(language)["permalink_title"]
    mkdocstrings = config.plugins.get("mkdocstrings")
    if mkdocstrings is not None:
        python = mkdocstrings.config.handlers.setdefault("python", {})
        options = python.setdefault("options", {})
        extra = dict(options.get("extra") or {})
        extra["summary_only"] = language != DOCSTRING_LANGUAGE
        options["extra"] = extra
    return config


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    # theme.language is this build's language (on_config above).
    env.globals["strings"] = strings(config.theme["language"])
    return env


# The first object of an API reference, as mkdocstrings renders it.
_API_REFERENCE = re.compile(
    r'<div class="doc doc-object doc-module">\s*<h\d id="(?P<anchor>[^"]+)"'
)


def on_page_content(html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = page_language(page.file.src_uri)
    found = _API_REFERENCE.search(html_text)
    if found is None or language in (None, DOCSTRING_LANGUAGE):
        return html_text
    _, name = page_at(page.url)
    english = get_relative_url(twin(language, name), page.url) + "#" + found["anchor"]
    words = strings(language)["api_note"]
    title, text = words["title"], words["text"]
    note = (
        f'<div class="admonition note api-reference-language">'
        f'<p class="admonition-title">{title}</p>'
        f"<p>{text.format(href=english)}</p></div>\n"
    )
    return html_text[: found.start()] + note + html_text[found.start() :]


@event_priority(0)  # after i18n (50) has filled in this page's alternates
def on_page_context(
    context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext:
    alternates = getattr(page.file, "alternates", {})
    # i18n sets `config.extra.alternate` as an attribute, which is what the
    # theme's template reads (not the `extra["alternate"]` item).
    for alternate in getattr(config.extra, "alternate", None) or []:
        twin = alternates.get(alternate.get("lang"))
        if twin is not None:
            alternate["link"] = twin.url
    return context


# Exactly what Material's base.html writes for each `extra.alternate` entry
# (an RSS alternate has a `type` and no hreflang, and stays).
_HEAD_ALTERNATE = re.compile(r'\n?[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _HEAD_ALTERNATE.sub("", output)


# The default language's 404.html, kept for the other languages' builds.
_default_404: str | None = None


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    # 404.html is rendered from a template, not as a page.
    if template_name != "404.html":
        return output_content
    global _default_404
    output_content = _HEAD_ALTERNATE.sub("", output_content)
    if config.theme["language"] == DEFAULT_LANGUAGE:
        _default_404 = output_content
    return _default_404 or output_content


def language_indexes(merged: dict) -> dict[str, dict]:
    """The merged search index (`search_index.json`) split by the language of
    each entry's page: language -> an index of the same form."""
    docs: dict[str, list] = {language: [] for language in LANGUAGES}
    for doc in merged["docs"]:
        docs[page_at(doc["location"])[0]].append(doc)
    return {language: {**merged, "docs": docs[language]} for language in LANGUAGES}


def directory_url(location: str) -> str:
    """A location of the search index as the site's build writes it: the
    offline copy's, built without directory URLs (`en/pools.html#x`,
    `index.html`), as `en/pools/#x` and ``."""
    path, hash_, anchor = location.partition("#")
    if path.endswith(".html"):
        path = url_path(*page_at(path.removesuffix(".html").removesuffix("index")))
    return path + hash_ + anchor


def with_error_messages(index: dict, messages: dict[str, str]) -> None:
    """Give the sections that show an error message of the error index a search
    field of their own holding the messages (hooks/error_index.py), so that a
    message pasted into the search box finds them."""
    fields = index["config"]["fields"]
    fields[error_index.SEARCH_FIELD] = {"boost": error_index.SEARCH_BOOST}
    for doc in index["docs"]:
        location = directory_url(doc["location"])
        if location in messages:
            # Escaped as the other fields' text is: Material reads `<...>` as a tag.
            doc[error_index.SEARCH_FIELD] = html.escape(messages[location], quote=False)


# The offline copy's index: Material runs this script and reads `__index`.
_OFFLINE_INDEX = (
    "var __index = (function (indexes) {{\n"
    "  return indexes[document.documentElement.lang] || indexes[{default}];\n"
    "}})({indexes});\n"
)


# After i18n (-100) has written the merged index, and the offline plugin (-100,
# after i18n in mkdocs.yml) its script: at the end of the default language's
# build, which runs every other language's build inside its own post-build
# step; not at the end of those inner builds (i18n is `building` then).
@event_priority(-150)
def on_post_build(*, config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    folder = Path(config.site_dir) / "search"  # the site root, in every language's build
    merged = folder / "search_index.json"
    if getattr(i18n, "building", False) or not merged.is_file():
        return
    indexes = language_indexes(json.loads(merged.read_text(encoding="utf-8")))
    root = Path(config.config_file_path).resolve().parent
    for language, index in indexes.items():
        with_error_messages(index, error_index.search_fields(root, language))
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        (folder / f"search_index.{language}.json").write_text(text, encoding="utf-8")
    script = folder / "search_index.js"
    if script.is_file():
        text = json.dumps(indexes, ensure_ascii=False, separators=(",", ":"))
        default = json.dumps(DEFAULT_LANGUAGE)
        script.write_text(_OFFLINE_INDEX.format(default=default, indexes=text), encoding="utf-8")
