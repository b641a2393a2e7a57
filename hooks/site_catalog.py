"""The site's pages, read once per build and shared by the hooks that need them.

`hooks/verified_marks.py` (the mark above each program) and
`hooks/downloads.py` (the download links) both need each page's programs, and
the check kit needs the whole catalog; each used to read the pages on its own,
in each language's build, so every page was parsed several times per build.
Here `verifier.catalog.collect` reads every page once per build, both
languages (the i18n plugin builds the other languages with the same
configuration object), and `serve` reads them again for each rebuild (each
rebuild loads the configuration anew).

Not a hook: MkDocs loads each hook file by its path under a module name of its
own, so state kept in a hook file that another module imports would exist
twice.  This module is imported by package name (`hooks.site_catalog`) only,
so its cache exists once.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig

from verifier.catalog import Catalog, collect
from verifier.pages import Page

_build: tuple[MkDocsConfig, Catalog] | None = None
"""The configuration of the build being made and its catalog (the configuration
is kept, not its `id`, so that a later build's can never be taken for it)."""


def root_of(config: MkDocsConfig) -> Path:
    """The repository being built: the folder of its mkdocs.yml."""
    return Path(config.config_file_path).resolve().parent


def build_catalog(config: MkDocsConfig) -> Catalog:
    """The catalog of the site that `config` builds, read at the first call of the build."""
    global _build
    if _build is None or _build[0] is not config:
        _build = (config, collect(root_of(config)))
    return _build[1]


def page_of(config: MkDocsConfig, src_uri: str) -> Page | None:
    """The catalog's page of the source page `src_uri` (MkDocs' `page.file.src_uri`,
    below docs_dir), or `None` if the catalog has no such page."""
    root = root_of(config)
    path = Path(config.docs_dir).resolve().relative_to(root) / PurePosixPath(src_uri)
    return next((p for p in build_catalog(config).pages if p.path == path), None)


def lines_before(config: MkDocsConfig, page: Page, markdown: str) -> int | None:
    """How many lines of the page's file come before `markdown`, the Markdown that
    MkDocs hands the hooks (it takes the front matter off the top); `None` if
    `markdown` is not the rest of the file (a plugin changed it), when the
    catalog's lines are not the lines of `markdown`."""
    file_lines = (root_of(config) / page.path).read_text(encoding="utf-8").splitlines()
    lines = markdown.splitlines()
    skipped = len(file_lines) - len(lines)
    return skipped if skipped >= 0 and file_lines[skipped:] == lines else None
