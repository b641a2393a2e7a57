"""Gather every page of the site and the distinct examples they show.

The Chinese and English pages show the same example files, so an example is
identified by the code it runs: it is run once per start method, and its
result is checked against every page that shows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from verifier.claims import claimed_kinds, claimed_methods
from verifier.pages import Page, ShownExample, read_page

REPO_ROOT = Path(__file__).resolve().parents[1]
"""The repository: `docs/`, `examples/` and `mkdocs.yml` live here."""


@dataclass
class Example:
    """One distinct example program and every place the site shows it."""

    file: str
    """The example file, relative to the site root, e.g. `examples/queue/put_get.py`."""
    code: str
    """The code a reader copies (the file without annotation markers)."""
    shown: list[ShownExample] = field(default_factory=list)
    """Every page that shows it, with the outputs that page claims."""
    files: tuple[tuple[str, bytes], ...] = ()
    """Files the program needs next to it, with their content (`ShownExample.files`)."""

    @classmethod
    def of(cls, shown: ShownExample) -> Example:
        """The example as one page shows it (the verifier's own tests use this)."""
        return cls(shown.file, shown.code, [shown], shown.files)

    def companions(self) -> dict[str, bytes]:
        """The files a run writes next to the program: name -> content, as in `examples/`."""
        return {Path(file).name: content for file, content in self.files}

    @property
    def needs(self) -> tuple[str, ...]:
        """Programs on `PATH` that some page says the example runs (`data-needs`)."""
        return tuple(sorted({n for shown in self.shown for n in shown.needs}))

    @property
    def id(self) -> str:
        """Short name for test ids, e.g. `queue/put_get.py`."""
        return self.file.removeprefix("examples/")

    @property
    def methods(self) -> tuple[str, ...]:
        """Every start method some page claims an output for."""
        return claimed_methods(b for shown in self.shown for b in shown.outputs)

    @property
    def stdout_kinds(self) -> tuple[str, ...]:
        """Where stdout goes in the runs some page claims (see `STDOUT_KINDS`)."""
        return claimed_kinds(b for shown in self.shown for b in shown.outputs)

    @property
    def filename(self) -> str:
        """The file name a reader would save the example as."""
        return Path(self.file).name


@dataclass
class Catalog:
    """The site's pages and the examples they show."""

    pages: list[Page]
    examples: list[Example]

    def examples_on(self, language: str) -> set[str]:
        """Example files shown on the pages of one language (`zh` or `en`)."""
        return {
            example.file
            for page in self.pages
            if page.path.parts[1:2] == (language,)
            for example in page.examples
        }


def collect(root: Path) -> Catalog:
    """Read every Markdown page under `root/docs` (pieces under `_includes` are not pages)."""
    files = sorted((root / "docs").rglob("*.md"))
    pages = [read_page(p, root) for p in files if "_includes" not in p.parts]
    by_code: dict[tuple, Example] = {}
    for page in pages:
        for shown in page.examples:
            key = (shown.file, shown.code, shown.files)
            example = Example(shown.file, shown.code, files=shown.files)
            by_code.setdefault(key, example).shown.append(shown)
    return Catalog(pages, list(by_code.values()))


@cache
def site_catalog(root: Path = REPO_ROOT) -> Catalog:
    """The catalog of the site at `root` (this repository), read once per process."""
    return collect(root)
