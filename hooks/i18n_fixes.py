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
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from hooks.site_map import DEFAULT_LANGUAGE, LANGUAGES, page_at


@event_priority(100)  # before mkdocstrings (0) and i18n (-100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        config.theme["language"] = i18n.current_language or i18n.default_language
    return config


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
    for language, index in indexes.items():
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        (folder / f"search_index.{language}.json").write_text(text, encoding="utf-8")
    script = folder / "search_index.js"
    if script.is_file():
        text = json.dumps(indexes, ensure_ascii=False, separators=(",", ":"))
        default = json.dumps(DEFAULT_LANGUAGE)
        script.write_text(_OFFLINE_INDEX.format(default=default, indexes=text), encoding="utf-8")
