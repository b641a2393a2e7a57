"""Three fixes to how mkdocs-static-i18n (1.3) builds the Chinese and English sites.

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
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext


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


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    # 404.html is rendered from a template, not as a page.
    if template_name == "404.html":
        return _HEAD_ALTERNATE.sub("", output_content)
    return output_content
