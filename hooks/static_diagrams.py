"""Diagrams drawn ahead of time, so that readers' browsers need not run Mermaid.

Drawing one small flowchart in the browser takes Mermaid over a second of a
phone's processor and a few hundred kilobytes of script; the drawing is the
same for every reader.  So each ```mermaid block is drawn once, by Mermaid in
Chromium, and kept as an SVG file in hooks/assets/diagrams/, named after a
hash of the diagram's source and the Mermaid version.  At build time this hook
puts the drawing in place of the source, inside the same `<pre class="mermaid">`;
the on-demand Mermaid of overrides/main.html hands it to Material as drawn,
and Mermaid itself is never loaded.

A block without a drawing here (a new or changed diagram) keeps its source and
is drawn in the reader's browser, so building needs neither node nor a
browser.  tests/browser/test_every_page.py fails until the drawings are
brought up to date with:

    python3 dev.py diagrams

(`python -m devtools.draw_diagrams`), which builds the site with every diagram
left to Mermaid, lets Chromium draw them, and rewrites hooks/assets/diagrams/.
Labels are measured in a wide font (DejaVu Sans) and shown in the reader's
own: their boxes fit any common font.  The colours are Material's CSS
variables, so one drawing serves the light and the dark scheme.
"""

from __future__ import annotations

import functools
import hashlib
import html
import logging
import os
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

HERE = Path(__file__).resolve().parent
DIAGRAMS = HERE / "assets" / "diagrams"
VENDOR = HERE.parent / "docs" / "assets" / "javascripts" / "vendor"
DISABLE_ENV = "STATIC_DIAGRAMS"
"""The name of the environment variable that, set to `off`, leaves every
diagram to Mermaid (as devtools.draw_diagrams builds the site)."""

_SHOWN_DIAGRAMS = DIAGRAMS.relative_to(HERE.parent).as_posix()
BLOCK = re.compile(r'<pre class="mermaid"><code>(?P<source>.*?)</code></pre>', re.DOTALL)
log = logging.getLogger(f"mkdocs.hooks.{Path(__file__).stem}")


@functools.cache
def mermaid_version() -> str:
    """The version of the vendored Mermaid (`docs/.../vendor/mermaid-X.Y.Z/`)."""
    found = sorted(p.parent.name for p in VENDOR.glob("mermaid-*/mermaid.esm.min.mjs"))
    if len(found) != 1:
        raise RuntimeError(f"expected one vendored Mermaid in {VENDOR}, found {found}")
    return found[0].removeprefix("mermaid-")


def diagram_id(source: str) -> str:
    """Name of the drawing of `source`, also the id of its `<svg>`."""
    digest = hashlib.sha256(f"mermaid {mermaid_version()}\n{source}".encode()).hexdigest()
    return f"diagram-{digest[:16]}"


def drawing(source: str) -> str | None:
    path = DIAGRAMS / f"{diagram_id(source)}.svg"
    return path.read_text(encoding="utf-8").strip() if path.is_file() else None


def on_page_content(html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if os.environ.get(DISABLE_ENV) == "off":
        return html_text

    def drawn(block: re.Match) -> str:
        svg = drawing(html.unescape(block["source"]))
        if svg is None:
            log.info(
                f"{page.file.src_uri}: a diagram has no drawing in {_SHOWN_DIAGRAMS}/ and "
                "is drawn in the browser (to draw it: python3 dev.py diagrams)"
            )
            return block[0]
        return f'<pre class="mermaid">{svg}</pre>'

    return BLOCK.sub(drawn, html_text)
