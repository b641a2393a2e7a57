"""Build the check kit into the site: `downloads/check-kit.zip`.

A reader downloads it, unpacks it and runs `python check.py` to check, on
their own machine and Python, that every example still prints what the pages
show (`verifier.check` says how).  What the kit holds is `verifier.kit`'s
(`assemble`, which the test suite runs its examples through too); this hook
adds the pages' titles and addresses, and zips it.

The archive is the same for the same sources (`hooks.archives.reproducible_zip`).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from hooks.archives import KIT_PATH, reproducible_zip
from hooks.site_catalog import build_catalog
from hooks.site_map import LANGUAGES, site_names, url_path
from verifier.catalog import Catalog, collect
from verifier.kit import assemble
from verifier.pages import page_name

FOLDER = "mp-data-exchange-check"
"""The one folder the archive unpacks to."""


# After the i18n plugin has sorted the files into languages: it reads every
# file's source path, and a generated file has none.
@event_priority(-100)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).resolve().parent
    files.append(File.generated(config, KIT_PATH, content=build_kit(root, build_catalog(config))))
    return files


def build_kit(root: Path, catalog: Catalog | None = None) -> bytes:
    """The kit's archive for the site at `root` (this repository), from the
    build's catalog (`hooks.site_catalog`) or, outside a build, one read here."""
    catalog = catalog or collect(root)
    names = {lang: name for lang, (name, _) in site_names().items()}
    entries = assemble(root, catalog, names, _pages(catalog, root))
    return reproducible_zip({f"{FOLDER}/{name}": content for name, content in entries.items()})


def _pages(catalog: Catalog, root: Path) -> dict[str, dict[str, dict[str, str]]]:
    """Per page with examples: its title (the first heading) and where it is built,
    in each language."""
    pages: dict[str, dict[str, dict[str, str]]] = {}
    for page in catalog.pages:
        language, name = page.path.parts[1], page_name(page.path)
        if not page.examples or language not in LANGUAGES:
            continue
        text = (root / page.path).read_text(encoding="utf-8")
        title = next(
            (line[2:].split("{")[0].strip() for line in text.splitlines() if line.startswith("# ")),
            name,
        )
        pages.setdefault(name, {})[language] = {
            "title": title,
            "path": url_path(language, name),
        }
    return pages
