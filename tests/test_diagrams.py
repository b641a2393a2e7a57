"""The diagrams drawn ahead (hooks/assets/diagrams/) stay legible on a phone.

Each drawing is an SVG of `width="100%"` with a `max-width` of its natural
width: where the content column is narrower, the browser scales the whole
drawing down to fit it, labels included, by the column's width over the
viewBox's; where it fits, it is drawn at its natural size.  So the size of
the smallest label on a phone follows from the file alone:

    label px = font px * min(1, column / viewBox width)

and must be at least 11 px in the content column of a 375-px-wide phone.
That column is 343 px wide: Material's `.md-content__inner` at a 375-px
viewport, measured in Chromium (tests/browser/test_interactions.py measures it
again and fails if it is ever narrower).  A diagram too wide for it is
redrawn top to bottom (`flowchart TB`), with its labels broken into lines
(`<br/>`), then `python3 dev.py diagrams`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hooks import static_diagrams

PHONE_COLUMN_PX = 343
"""Width of Material's content column at a 375-px viewport."""
MIN_LABEL_PX = 11.0

_FONT_SIZE = re.compile(r"font-size\s*:\s*([\d.]+)px")
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")


def _root(svg: str) -> str:
    found = re.match(r"\s*<svg\b[^>]*>", svg)
    assert found, "not an SVG"
    return found[0]


def natural_width(svg: str) -> tuple[float, float]:
    """(viewBox width, the width the drawing takes where there is room)."""
    root = _root(svg)
    view_box = re.search(r'viewBox="([^"]+)"', root)
    assert view_box, "no viewBox"
    width = float(view_box[1].replace(",", " ").split()[2])
    max_width = re.search(r"max-width:\s*([\d.]+)px", root)
    return width, float(max_width[1]) if max_width else width


def label_font_sizes(svg: str) -> list[float]:
    """Every font size that applies to text in the drawing: the root rule's,
    inline ones, and those of style rules whose class is used in it (Mermaid's
    stylesheet also sizes elements a drawing may not have, such as tooltips)."""
    styles = "".join(re.findall(r"<style>(.*?)</style>", svg, flags=re.DOTALL))
    body = re.sub(r"<style>.*?</style>", "", svg, flags=re.DOTALL)
    used = {name for names in re.findall(r'class="([^"]*)"', body) for name in names.split()}
    svg_id = re.search(r'\bid="([^"]+)"', _root(svg))
    sizes = [
        float(size) for size in _FONT_SIZE.findall(" ".join(re.findall(r'style="([^"]*)"', body)))
    ]
    for selectors, declarations in _RULE.findall(styles):
        size = _FONT_SIZE.search(declarations)
        if not size:
            continue
        for selector in selectors.split(","):
            classes = re.findall(r"\.([\w-]+)", selector)
            is_root = svg_id and selector.strip() in (f"#{svg_id[1]}", f"#{svg_id[1]} svg")
            if is_root or (classes and all(name in used for name in classes)):
                sizes.append(float(size[1]))
                break
    return sizes


def label_px_on_phone(svg: str, column: float = PHONE_COLUMN_PX) -> float:
    """The smallest label's size, in CSS px, in a content column `column` wide."""
    view_width, width = natural_width(svg)
    shown = min(width, column)
    sizes = label_font_sizes(svg)
    assert sizes, "no font size found"
    return min(sizes) * shown / view_width


DRAWINGS = sorted(static_diagrams.DIAGRAMS.glob("*.svg"))


def test_there_are_drawings() -> None:
    assert len(DRAWINGS) >= 8, "queue, pipe, manager and shared memory, in two languages"


@pytest.mark.parametrize("path", DRAWINGS, ids=lambda path: path.stem)
def test_every_label_is_legible_on_a_phone(path: Path) -> None:
    svg = path.read_text(encoding="utf-8")
    size = label_px_on_phone(svg)
    view_width, _ = natural_width(svg)
    most = PHONE_COLUMN_PX * min(label_font_sizes(svg)) / MIN_LABEL_PX
    assert size >= MIN_LABEL_PX, (
        f"labels of {path.name} come out at {size:.1f} px in a {PHONE_COLUMN_PX}-px column "
        f"(drawn {view_width:.0f} px wide; at most {most:.0f} px keeps them at "
        f"{MIN_LABEL_PX:.0f} px): draw it top to bottom and run python3 dev.py diagrams"
    )


def test_the_measure_is_right() -> None:
    """A drawing that fits is not scaled; one twice the column is halved."""
    fits = '<svg id="d" width="100%" style="max-width: 300px;" viewBox="0 0 300 90">'
    wide = '<svg id="d" width="100%" style="max-width: 686px;" viewBox="-5 0 686 90">'
    style = "<style>#d{font-size:16px;}#d .tip{font-size:9px;}</style>"
    inline = '<text class="x" style="font-size: 14px;">a</text></svg>'
    assert label_px_on_phone(fits + style + inline) == 14
    assert label_px_on_phone(wide + style + "<g></g></svg>") == 8
    assert label_px_on_phone(wide + style + '<g class="tip"></g></svg>') == 4.5
