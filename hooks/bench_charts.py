"""Charts, tables and numbers from the benchmark results, in the page's language.

A page asks for them with HTML comments, which Markdown passes through
untouched; this hook replaces them in the page's HTML (after Markdown, so the
SVG is never wrapped in paragraphs or escaped):

    <!-- bench:throughput -->            MB/s against payload size (all mechanisms)
    <!-- bench:throughput queue,pipe_send_bytes -->   only these mechanisms
    <!-- bench:latency -->               round-trip latency, median and p99
    <!-- bench:table -->                 every table; or name some:
    <!-- bench:table recipe,latency -->  (throughput latency recipe limits allocation put)
    <!-- bench:machine -->               what the numbers were measured on
    <!-- bench:value PATH -->            one number, e.g. recipe.64MiB.memcpy_ratio -> 91%
    <!-- bench:value PATH SPEC -->       the same with a Python format spec, e.g. .1%
    <!-- bench:beyond PATH [SPEC] -->    one number of benchmarks/results/beyond.json
                                         (subinterpreters, TCP, Dask: benchmarks/beyond.py)

PATH is a dotted path into benchmarks/results/reference.json (list them with
`python -m benchmarks values`); fields ending in `_ratio` read as percentages,
`speedup_*` as multiples, other numbers with three significant digits.  The
page's language is that of its source (`hooks.site_map.page_language`); the
HTML comes from `hooks.bench_render`.  A placeholder that names an unknown
chart, table or value, or a missing or invalid results file, fails the build.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from benchmarks import beyond, results
from hooks.bench_render import page_report
from hooks.site_map import page_language

RESULTS = results.REFERENCE
"""The results the pages show (the hook's tests point it at made-up ones)."""
BEYOND = beyond.RESULTS
"""The results of `python -m benchmarks beyond` that the pages show."""
PLACEHOLDER = re.compile(r"<!--\s*bench:(?P<kind>\S*)(?P<args>[^>]*?)\s*-->")

_loaded: dict[Path, tuple[float, dict]] = {}


def load(path: Path = RESULTS, read=results.read, command: str = "run") -> dict:
    """The results, read once per change of the file."""
    try:
        mtime = path.stat().st_mtime
    except FileNotFoundError:
        raise PluginError(
            f"bench_charts: {path} is missing; make it with "
            f"`python -m benchmarks {command} --out benchmarks/results/{path.name}`"
        ) from None
    if path not in _loaded or _loaded[path][0] != mtime:
        try:
            _loaded[path] = (mtime, read(path))
        except ValueError as error:
            raise PluginError(f"bench_charts: {path} is not valid results: {error}") from error
    return _loaded[path][1]


def render(kind: str, args: list[str], measured: dict, language: str) -> str:
    """What replaces one placeholder."""
    listed = args[0].split(",") if args else None
    if kind == "throughput" and len(args) <= 1:
        return page_report.throughput_chart(measured, language, listed)
    if kind == "latency" and not args:
        return page_report.latency_chart(measured, language)
    if kind == "table" and len(args) <= 1:
        return page_report.tables(measured, language, listed)
    if kind == "machine" and not args:
        return page_report.machine(measured, language)
    if kind == "value" and len(args) in (1, 2):
        return page_report.value(measured, args[0], args[1] if len(args) == 2 else None)
    if kind == "beyond" and len(args) in (1, 2):
        more = load(BEYOND, beyond.read, "beyond")
        return page_report.value(more, args[0], args[1] if len(args) == 2 else None)
    raise ValueError(
        f"unknown placeholder bench:{kind} {' '.join(args)}".strip()
        + " (see hooks/bench_charts.py for the ones there are)"
    )


def replace_placeholders(html: str, language: str, path: Path = RESULTS, page: str = "") -> str:
    if "<!--" not in html or "bench:" not in html:
        return html
    measured = None

    def replace(match: re.Match) -> str:
        nonlocal measured
        measured = measured or load(path)
        try:
            return render(match.group("kind"), match.group("args").split(), measured, language)
        except (KeyError, ValueError) as error:
            message = error.args[0] if error.args else error
            raise PluginError(f"bench_charts: {page}: {match.group(0)}: {message}") from error

    return PLACEHOLDER.sub(replace, html)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = page_language(page.file.src_uri)
    if language is None:
        return html
    return replace_placeholders(html, language, RESULTS, page.file.src_uri)
