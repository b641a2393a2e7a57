"""Each page as Markdown, next to its HTML, and `llms.txt` listing them.

`queue/index.md` (`en/queue/index.md`; `queue.md` in the offline copy, whose
pages are `queue.html`) is the page's Markdown source (without its front
matter, which llms.txt gives as the page's description) with every `--8<--`
include replaced by the file it names, expanded by pymdownx.snippets as the
build expands it (`verifier.includes.expand`), and the annotation markers
(`# (1)!`) removed from the included programs, as Material removes them from
what the page shows and copies.  Output blocks stay as they are.  A reader or a
tool gets the whole page, programs and all, in one file; the page's button
"Copy page as Markdown" (overrides/main.html, page-markdown.js) copies it.

`llms.txt` (https://llmstxt.org/) at the site root lists every page of both
languages: one file, because that is the one place tools look for it, with a
section per section of the navigation, English first, then Chinese, each
entry linking to the page's Markdown and giving its `description:`.  Its
links are relative to the site root, which works wherever the site is served.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from hooks.site_map import CONFIG_FILE, LANGUAGES, page_language, site_names
from hooks.strings import strings
from verifier.includes import expand
from verifier.pages import INCLUDE, MARKER

# An escaped `--8<--` line, `;--8<--`, is shown as written, without the `;`.
_ESCAPED = re.compile(r"^(?P<indent>[ \t]*);(?=--8<--)", re.MULTILINE)

_navs: dict[str, Navigation] = {}
_sources: dict[str, str] = {}


def markdown_path(dest_uri: str) -> str:
    """Where the Markdown of the page built at `dest_uri` goes: `en/queue/index.html` ->
    `en/queue/index.md`, `queue.html` -> `queue.md`."""
    return PurePosixPath(dest_uri).with_suffix(".md").as_posix()


def inline_includes(markdown: str) -> str:
    """`markdown` with each `--8<--` line replaced by the file it names, indented
    like the line, with annotation markers removed from the programs of examples/."""

    def included(line: re.Match) -> str:
        text = expand(line[0].strip(), CONFIG_FILE).rstrip("\n")
        if line["path"].startswith("examples/"):
            text = MARKER.sub("", text)
        return "\n".join(line["indent"] + each if each else each for each in text.split("\n"))

    return _ESCAPED.sub(r"\g<indent>", INCLUDE.sub(included, markdown))


def on_startup(*, command: str, dirty: bool) -> None:
    _navs.clear()


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    pages = nav.pages
    language = page_language(pages[0].file.src_uri) if pages else None
    if language:
        _navs[language] = nav
    return nav


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The page as written, without its front matter: not `markdown`, which the
    # hooks before this one have changed (the verified marks, for one).
    source, _ = get_data(page.file.content_string)
    _sources[page.file.src_uri] = inline_includes(source)
    return markdown


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    # Written with the page: the build empties the site folder after reading the pages.
    target = Path(config.site_dir) / markdown_path(page.file.dest_uri)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(_sources.pop(page.file.src_uri), encoding="utf-8")
    return output


def _entries(items: list, lines: list[str]) -> None:
    for item in items:
        if isinstance(item, Page):
            description = str(item.meta.get("description") or "").strip()
            link = f"- [{item.title}]({markdown_path(item.file.dest_uri)})"
            lines.append(f"{link}: {description}" if description else link)


def llms_txt() -> str:
    """The text of llms.txt from the navigation of every language built so far."""
    names = [site_names()[each] for each in sorted(site_names(), key=lambda each: each != "en")]
    lines = [
        "# " + " · ".join(name for name, _ in names),
        "",
        "> " + " ".join(description for _, description in names),
        "",
    ]
    for language in sorted(_navs, key=lambda each: (each != "en", LANGUAGES.index(each))):
        nav, loose = _navs[language], []
        sections = [item for item in nav.items if isinstance(item, Section)]
        loose = [item for item in nav.items if isinstance(item, Page)]
        label = strings(language)["language_name"]
        if loose:
            lines.append(f"## {label}")
            lines.append("")
            _entries(loose, lines)
            lines.append("")
        for section in sections:
            lines.append(f"## {section.title} ({label})")
            lines.append("")
            _entries(section.children, lines)
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def on_post_build(*, config: MkDocsConfig) -> None:
    # Every language's build ends here, the default language's last (the i18n
    # plugin builds the others inside it), with every navigation known.
    (Path(config.site_dir) / "llms.txt").write_text(llms_txt(), encoding="utf-8")
