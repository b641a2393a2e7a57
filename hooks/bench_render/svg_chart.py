"""Static SVG charts with log scales, drawn by hand.

Written by hand because the charts must follow the page's light or dark
scheme: they use no fixed colour at all, only `currentColor` and CSS classes
(`docs/assets/stylesheets/bench.css` maps those to Material's colour variables
and gives each series a colour per scheme).  A plotting library (matplotlib)
would be a heavy dependency of the docs build and bakes colours into the file.
Series differ by marker shape and dash pattern as well as by colour, so they
stay apart in print, without CSS, and for readers who do not see the colours.

The charts scale to their container (`viewBox`, width 100%); the legend is
HTML next to the SVG, so its text wraps and stays legible on a phone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

WIDTH = 480
FONT = 14  # about 10 px when the chart is 340 px wide on a phone
MARKERS = 7  # shapes, see _marker
# Five: a number prime to both the colours and the markers (see _style).
DASHES = ["", "7 4", "2 3", "9 3 2 3", "5 2 1 2 1 2"]
COLOURS = 8  # .bench-s0 ... .bench-s7 in bench.css


@dataclass
class Series:
    label: str
    points: list[tuple[float, float]]
    index: int = 0  # its position in the chart: picks colour, marker and dash
    limit: bool = False  # a physical limit: drawn as a plain reference line


@dataclass
class Row:
    label: str
    median: float
    p99: float
    limit: bool = False


def _style(index: int) -> tuple[str, int, str]:
    """(colour class, marker shape, dash pattern) of series `index`, its
    position in its chart.

    8 colours, 7 markers and 5 dashes, each counted round in turn: the first
    5 series each have a dash of their own, the first 7 a marker, the first 8
    a colour; no two of the first 35 share marker and dash, no two of the
    first 40 share colour and dash.
    """
    return f"bench-s{index % COLOURS}", index % MARKERS, DASHES[index % len(DASHES)]


def _marker(shape: int, x: float, y: float, r: float = 4.0) -> str:
    if shape == 0:
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"/>'
    if shape == 1:
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}"/>'
    if shape in (5, 6):  # x and +: strokes only
        d = r * 1.1
        if shape == 5:
            path = f"M{x - d:.1f} {y - d:.1f}L{x + d:.1f} {y + d:.1f}M{x - d:.1f} {y + d:.1f}"
            path += f"L{x + d:.1f} {y - d:.1f}"
        else:
            path = f"M{x - d:.1f} {y:.1f}H{x + d:.1f}M{x:.1f} {y - d:.1f}V{y + d:.1f}"
        return f'<path d="{path}" fill="none" stroke-width="2" stroke-dasharray="none"/>'
    r *= 1.25
    points = {
        2: [(0, -r), (r, r * 0.8), (-r, r * 0.8)],  # triangle up
        3: [(0, -r), (r, 0), (0, r), (-r, 0)],  # diamond
        4: [(0, r), (r, -r * 0.8), (-r, -r * 0.8)],  # triangle down
    }[shape]
    return '<polygon points="{}"/>'.format(
        " ".join(f"{x + dx:.1f},{y + dy:.1f}" for dx, dy in points)
    )


class LogScale:
    """Maps values to pixels on a log axis spanning whole decades (or given bounds)."""

    def __init__(self, low: float, high: float, start: float, end: float):
        self.low, self.high = math.log10(low), math.log10(high)
        self.start, self.end = start, end

    @classmethod
    def decades(cls, values, start: float, end: float) -> LogScale:
        low = 10 ** math.floor(math.log10(min(values)))
        high = 10 ** math.ceil(math.log10(max(values)))
        if high <= low:
            high = low * 10
        return cls(low, high, start, end)

    def __call__(self, value: float) -> float:
        share = (math.log10(value) - self.low) / (self.high - self.low)
        return self.start + share * (self.end - self.start)

    def decade_ticks(self) -> list[float]:
        return [10.0**e for e in range(round(self.low), round(self.high) + 1)]


def number(value: float) -> str:
    """Tick label of a power of ten, short: 0.1, 1, 10, 100, 1k, 10k, 100k, 1M."""
    for factor, suffix in ((1e6, "M"), (1e3, "k")):
        if value >= factor:
            return f"{value / factor:g}{suffix}"
    return f"{value:g}"


def _svg_open(kind: str, height: int, title: str, summary: str, id_prefix: str) -> str:
    return (
        f'<svg class="bench-chart bench-{kind}" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'role="img" aria-labelledby="{id_prefix}-title {id_prefix}-desc" '
        f'font-size="{FONT}" fill="currentColor" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{id_prefix}-title">{escape(title)}</title>'
        f'<desc id="{id_prefix}-desc">{escape(summary)}</desc>'
    )


def line_chart(
    series: list[Series],
    *,
    x_ticks: list[tuple[float, str]],
    x_label: str,
    y_label: str,
    title: str,
    summary: str,
    id_prefix: str,
) -> str:
    """A log-log line chart: one polyline with markers per series."""
    height = 340
    left, right, top, bottom = 60, WIDTH - 22, 14, height - 50
    xs = [x for x, _ in x_ticks]
    x_scale = LogScale(min(xs) / 1.6, max(xs) * 1.6, left, right)
    y_scale = LogScale.decades([y for s in series for _, y in s.points], bottom, top)
    parts = [_svg_open("lines", height, title, summary, id_prefix)]
    parts.append('<g class="bench-grid" stroke="currentColor" stroke-width="1">')
    for value in y_scale.decade_ticks():
        y = y_scale(value)
        parts.append(f'<line x1="{left}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}"/>')
    parts.append("</g>")
    parts.append(_axes(left, right, top, bottom))
    parts.append('<g class="bench-tick" text-anchor="end">')
    for value in y_scale.decade_ticks():
        y = y_scale(value)
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}">{number(value)}</text>')
    parts.append('</g><g class="bench-tick" text-anchor="middle">')
    for value, label in x_ticks:
        x = x_scale(value)
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{bottom}" y2="{bottom + 5}" ')
        parts.append('stroke="currentColor"/>')
        parts.append(f'<text x="{x:.1f}" y="{bottom + 20}">{escape(label)}</text>')
    parts.append("</g>")
    parts.append(
        f'<text class="bench-axis-label" x="{(left + right) / 2:.1f}" y="{height - 8}" '
        f'text-anchor="middle">{escape(x_label)}</text>'
        f'<text class="bench-axis-label" transform="translate(14 {(top + bottom) / 2:.1f}) '
        f'rotate(-90)" text-anchor="middle">{escape(y_label)}</text>'
    )
    # Limits first, so that the mechanisms are drawn over them.
    for s in sorted(series, key=lambda s: not s.limit):
        points = [(x_scale(x), y_scale(y)) for x, y in sorted(s.points)]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        if s.limit:
            dash = DASHES[s.index % len(DASHES)]
            dasharray = f' stroke-dasharray="{dash}"' if dash else ""
            parts.append(
                f'<g class="bench-limit"><title>{escape(s.label)}</title>'
                f'<polyline points="{path}" fill="none" stroke="currentColor" '
                f'stroke-width="3"{dasharray}/></g>'
            )
            continue
        colour, shape, dash = _style(s.index)
        dasharray = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<g class="bench-series {colour}" stroke="currentColor" fill="currentColor">'
            f"<title>{escape(s.label)}</title>"
            f'<polyline points="{path}" fill="none" stroke-width="1.6"{dasharray}/>'
        )
        parts += [_marker(shape, x, y) for x, y in points]
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


def range_chart(rows: list[Row], *, x_label: str, title: str, summary: str, id_prefix: str) -> str:
    """One line per row: a dot at the median, a bar at the 99th percentile, log x axis."""
    row_height, top = 40, 8
    left, right = 16, WIDTH - 20
    bottom = top + row_height * len(rows)
    height = bottom + 44
    x_scale = LogScale.decades([v for r in rows for v in (r.median, r.p99)], left, right)
    parts = [_svg_open("ranges", height, title, summary, id_prefix)]
    parts.append('<g class="bench-grid" stroke="currentColor" stroke-width="1">')
    for value in x_scale.decade_ticks():
        x = x_scale(value)
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{bottom}"/>')
    parts.append("</g>")
    parts.append(
        f'<g class="bench-axis" stroke="currentColor" stroke-width="1">'
        f'<line x1="{left}" x2="{right}" y1="{bottom}" y2="{bottom}"/></g>'
    )
    parts.append('<g class="bench-tick" text-anchor="middle">')
    for value in x_scale.decade_ticks():
        parts.append(f'<text x="{x_scale(value):.1f}" y="{bottom + 19}">{number(value)}</text>')
    parts.append("</g>")
    parts.append(
        f'<text class="bench-axis-label" x="{(left + right) / 2:.1f}" y="{height - 8}" '
        f'text-anchor="middle">{escape(x_label)}</text>'
    )
    for i, row in enumerate(rows):
        label_y = top + row_height * i + 15
        y = label_y + 12
        x_median, x_p99 = x_scale(row.median), x_scale(row.p99)
        kind = "bench-limit" if row.limit else f"bench-series {_style(i)[0]}"
        parts.append(
            f'<g class="{kind}" stroke="currentColor" fill="currentColor">'
            f'<text class="bench-row-label" x="{left}" y="{label_y}" stroke="none">'
            f"{escape(row.label)}</text>"
            f'<line x1="{x_median:.1f}" x2="{x_p99:.1f}" y1="{y}" y2="{y}" stroke-width="2"/>'
            f'<line x1="{x_p99:.1f}" x2="{x_p99:.1f}" y1="{y - 6}" y2="{y + 6}" stroke-width="2.5"/>'
            f'<circle cx="{x_median:.1f}" cy="{y}" r="5"/></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _axes(left: float, right: float, top: float, bottom: float) -> str:
    return (
        f'<g class="bench-axis" stroke="currentColor" stroke-width="1" fill="none">'
        f'<path d="M{left} {top}V{bottom}H{right}"/></g>'
    )


def range_legend(median: str, p99: str) -> str:
    """The key of a range chart: what the dot and the bar stand for."""
    dot = '<circle cx="18" cy="7" r="5"/>'
    bar = '<line x1="18" x2="18" y1="1" y2="13" stroke="currentColor" stroke-width="2.5"/>'
    items = [
        '<li><svg class="bench-key" viewBox="0 0 36 14" width="36" height="14" '
        f'aria-hidden="true" focusable="false">{drawing}</svg>{escape(text)}</li>'
        for drawing, text in ((dot, median), (bar, p99))
    ]
    return f'<ul class="bench-legend">{"".join(items)}</ul>'


def legend(series: list[Series]) -> str:
    """The key as an HTML list, each entry with a small drawing of its line and marker."""
    items = []
    for s in series:
        if s.limit:
            dash = DASHES[s.index % len(DASHES)]
            dasharray = f' stroke-dasharray="{dash}"' if dash else ""
            drawing = (
                '<g class="bench-limit"><line x1="2" x2="34" y1="7" y2="7" '
                f'stroke="currentColor" stroke-width="3"{dasharray}/></g>'
            )
        else:
            colour, shape, dash = _style(s.index)
            dasharray = f' stroke-dasharray="{dash}"' if dash else ""
            drawing = (
                f'<g class="{colour}" stroke="currentColor" fill="currentColor">'
                f'<line x1="2" x2="34" y1="7" y2="7" stroke-width="1.6"{dasharray}/>'
                f"{_marker(shape, 18, 7)}</g>"
            )
        items.append(
            '<li><svg class="bench-key" viewBox="0 0 36 14" width="36" height="14" '
            f'aria-hidden="true" focusable="false">{drawing}</svg>{escape(s.label)}</li>'
        )
    return f'<ul class="bench-legend">{"".join(items)}</ul>'
