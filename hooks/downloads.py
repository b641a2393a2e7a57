"""Let readers download every program a page shows, one by one or all in a zip.

Each program block, and each companion file it needs (the C or JavaScript
source a page shows next to it, `data-files`), gets a download link beside
Material's copy button; each page with programs gets one link to a zip of all
of them, right after its title.  The files are served byte for byte as they
are in `examples/` (annotation markers included: the file as it is), at
`downloads/examples/<slug>/<file>` below the site root, one copy for both
languages, and the zip at `downloads/examples/<slug>.zip`, holding the folder
`<slug>/`.  The rest of `downloads/` is left to other hooks.

The links are written into the HTML at build time, not by a script: with
`content.lazy`, Material adds its copy button only as a block nears the
viewport, and a link that is always there needs no script at all.  The page's
blocks are read by the page checker's parser (`verifier.pages`), so a link
names exactly the file the checker verified; they are matched to the rendered
blocks in page order, and the build fails if the two ever disagree.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import material
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from hooks.archives import reproducible_zip
from hooks.site_catalog import page_of
from hooks.site_map import page_language
from hooks.strings import strings
from verifier.declarations import page_name_of
from verifier.pages import DIAGRAMS, parse_page, shown_files
from verifier.pages import Page as ParsedPage

FOLDER = "downloads"
"""Below the site root; this hook writes only `downloads/examples/` in it."""
_ICONS = Path(material.__file__).parent / "templates" / ".icons" / "material"
_SVG_OPEN = '<svg aria-hidden="true" focusable="false" '


def _icon(name: str) -> str:
    """Material's own icon, inline: no request, and it follows the text colour."""
    svg = (_ICONS / f"{name}.svg").read_text(encoding="utf-8").strip()
    return svg.replace("<svg ", _SVG_OPEN, 1)


# A rendered code block up to the start of its code: where the link goes
# (Material puts its buttons there too, right before <code>).  Attribute
# values may hold a `>`, as in data-python=">=3.14".
_BLOCK = re.compile(
    r'<div class="(?P<class>[^"]*\bhighlight\b[^"]*)"(?:\s+[\w:-]+(?:="[^"]*")?)*>'
    r'(?:<span class="filename">(?P<title>[^<]*)</span>)?'
    r"(?P<pre><pre[^>]*>(?:<span></span>)?)?"
)
_H1_END = re.compile(r"</h1>")


@dataclass(frozen=True)
class _Block:
    """A fenced block of a page as it will be rendered: its title, and the
    example file it offers for download (`None`: nothing to download)."""

    title: str | None
    file: str | None


_blocks: dict[str, list[_Block]] = {}
"""Each page's (by `src_uri`) code blocks, from on_page_markdown to on_page_content."""
_shown: dict[str, list[str]] = {}
"""Each page's files to download, in page order; written out on_post_build."""


def page_files(parsed: ParsedPage) -> list[_Block]:
    """The code blocks a page renders, in order, each with the file it offers:
    the one the page checker says it shows (`verifier.pages.shown_files`: a
    program, or a companion file one needs); `parsed` is the page as it reads it."""
    shown = shown_files(parsed)
    return [
        _Block(fence.attrs.get("title"), shown.get(fence.line))
        for fence in parsed.fences
        # a diagram is no code block; SuperFences leaves the malformed as text
        if fence.language not in DIAGRAMS and not fence.malformed
    ]


def slug_of(files: list[str]) -> str:
    """The name of the page a page's files are on (`verifier.declarations.page_name_of`,
    one folder of `examples/` per page), which names its zip; a nested one has no
    zip name yet."""
    try:
        names = {page_name_of(file) for file in files}
    except ValueError:
        names = set()
    if len(names) != 1 or "/" in next(iter(names)):
        raise PluginError(f"downloads: a page's files must share one examples/ folder: {files}")
    return next(iter(names))


def zip_bytes(root: Path, files: list[str], slug: str) -> bytes:
    """A zip of `files` (paths below `root`) in the folder `<slug>/`."""
    return reproducible_zip(
        {f"{slug}/{PurePosixPath(file).name}": (root / file).read_bytes() for file in files}
    )


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_pre_build(*, config: MkDocsConfig) -> None:
    # Each build (one per language) writes the files of the pages it built.
    _blocks.clear()
    _shown.clear()


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page_language(page.file.src_uri) is None:
        return markdown
    # The page as this build's catalog read it (hooks.site_catalog): the fences
    # of `markdown` in the same order (the marks verified_marks added are no
    # fences), counted from the top of the file; or, if the catalog lacks it, read now.
    parsed = page_of(config, page.file.src_uri)
    if parsed is None:
        root = _root(config)
        source = Path(config.docs_dir).resolve().relative_to(root) / page.file.src_uri
        parsed = parse_page(markdown, source, root)
    blocks = page_files(parsed)
    _blocks[page.file.src_uri] = blocks
    shown = [block.file for block in blocks if block.file]
    if shown:
        slug_of(shown)
        _shown[page.file.src_uri] = shown
    return markdown


def on_page_content(html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    blocks = _blocks.get(page.file.src_uri)
    shown = _shown.get(page.file.src_uri)
    if not shown:
        return html_text
    language = page_language(page.file.src_uri)
    words = strings(language)["downloads"]  # the links' accessible names
    up = "../" * page.url.count("/")  # from the page's folder to the site root
    rendered = [m for m in _BLOCK.finditer(html_text) if "doc-signature" not in m["class"]]
    if len(rendered) != len(blocks):
        raise PluginError(
            f"downloads: {page.file.src_uri} has {len(blocks)} code blocks, "
            f"the HTML {len(rendered)}"
        )
    pieces, at = [], 0
    for match, block in zip(rendered, blocks):
        title = html.unescape(match["title"]) if match["title"] is not None else None
        if title != block.title:
            raise PluginError(
                f"downloads: {page.file.src_uri}: block titled {block.title!r} "
                f"rendered as {title!r}; blocks and HTML are out of step"
            )
        if block.file is None:
            continue
        if not match["pre"]:
            raise PluginError(f"downloads: {page.file.src_uri}: no <pre> for {block.file}")
        name = PurePosixPath(block.file).name
        label = html.escape(words["file"].format(name))
        link = (
            f'<a class="md-code__nav code-download" href="{up}{FOLDER}/{html.escape(block.file)}"'
            f' download="{html.escape(name)}" title="{label}" aria-label="{label}">'
            f"{_icon('download')}</a>"
        )
        pieces += [html_text[at : match.end()], link]
        at = match.end()
    pieces.append(html_text[at:])
    out = "".join(pieces)
    slug = slug_of(shown)
    archive = (
        f'<p class="page-downloads" data-search-exclude><a class="page-zip"'
        f' href="{up}{FOLDER}/examples/{slug}.zip" download="{slug}.zip">{_icon("folder-zip-outline")}'
        f"<span>{html.escape(words['zip'])}</span></a></p>"
    )
    out, found = _H1_END.subn(lambda m: m.group(0) + archive, out, count=1)
    if not found:
        out = archive + out  # a page without a title of its own: the link comes first
    return out


def on_post_build(*, config: MkDocsConfig) -> None:
    root, site = _root(config), Path(config.site_dir)
    for shown in _shown.values():
        for file in shown:
            target = site / FOLDER / file
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes((root / file).read_bytes())
        slug = slug_of(shown)
        (site / FOLDER / "examples" / f"{slug}.zip").write_bytes(zip_bytes(root, shown, slug))
