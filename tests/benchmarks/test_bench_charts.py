"""The hook that puts charts, tables and numbers from the results into the pages."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from benchmarks import results
from hooks import bench_charts
from hooks.bench_render import page_report, svg_chart
from hooks.site_map import CONFIG_FILE, LANGUAGES, site_config
from tests.benchmarks.bench_sample import fake_results
from verifier.catalog import REPO_ROOT

SVG = "{http://www.w3.org/2000/svg}"
PAGE = """<h1>Speed</h1>
<!-- bench:throughput -->
<p>Queue reaches <!-- bench:value throughput.queue.256KiB.memcpy_ratio --> of memcpy.</p>
<!-- bench:latency -->
<!-- bench:machine -->
<!-- bench:table -->
<pre><code>&lt;!-- bench:nonsense --&gt;</code></pre>
"""


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = tmp_path_factory.mktemp("bench") / "results.json"
    results.write(fake_results(), path)
    return path


def render(sample, language: str, html: str = PAGE) -> str:
    return bench_charts.replace_placeholders(html, language, path=sample, page="test.md")


def svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(s) for s in re.findall(r"<svg class=\"bench-chart.*?</svg>", html)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_placeholder_is_replaced(sample, language: str) -> None:
    html = render(sample, language)
    assert "<!-- bench:" not in html
    assert "&lt;!-- bench:nonsense --&gt;" in html  # shown in a code block: left alone
    assert re.search(r"Queue reaches \d+(\.\d+)?% of memcpy", html)
    assert len(svgs(html)) == 2 and html.count("<table>") >= 6


@pytest.mark.parametrize("language", LANGUAGES)
def test_charts_are_accessible_scalable_svg(sample, language: str) -> None:
    for svg in svgs(render(sample, language)):
        assert svg.get("role") == "img" and svg.get("width") == "100%"
        assert re.fullmatch(r"0 0 \d+ \d+", svg.get("viewBox"))
        ids = svg.get("aria-labelledby").split()
        named = {e.get("id"): e for e in svg.iter() if e.get("id")}
        assert [named[i].tag for i in ids] == [f"{SVG}title", f"{SVG}desc"]
        assert all(named[i].text.strip() for i in ids)


@pytest.mark.parametrize("language", LANGUAGES)
def test_charts_take_their_colours_from_the_theme(sample, language: str) -> None:
    html = render(sample, language)
    for svg in re.findall(r"<svg.*?</svg>", html):
        assert not re.search(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(", svg), "a fixed colour"
        colours = set(re.findall(r'(?:fill|stroke)="([^"]+)"', svg)) - {"none"}
        assert colours <= {"currentColor"}, colours
    css = (REPO_ROOT / "docs/assets/stylesheets/bench.css").read_text(encoding="utf-8")
    assert "var(--md-default-fg-color" in css and '[data-md-color-scheme="slate"]' in css


def _shape(marker: ET.Element) -> tuple:
    """A marker's shape, wherever it is drawn."""
    if marker.tag == f"{SVG}polygon":
        numbers = [float(n) for n in re.findall(r"-?[\d.]+", marker.get("points"))]
        return ("polygon", *(round(n - numbers[i % 2]) for i, n in enumerate(numbers)))
    if marker.tag == f"{SVG}path":
        return ("path", re.sub(r"[^A-Z]", "", marker.get("d")))
    return (marker.tag,)


def test_series_differ_by_marker_and_dash_not_only_colour(sample) -> None:
    (throughput, _) = svgs(render(sample, "en"))
    drawings = []
    for group in throughput.iter(f"{SVG}g"):
        if "bench-series" in (group.get("class") or ""):
            markers = [c for c in group if c.tag not in (f"{SVG}polyline", f"{SVG}title")]
            dash = group.find(f"{SVG}polyline").get("stroke-dasharray")
            drawings.append((_shape(markers[0]), dash))
    assert len(drawings) == len(fake_results()["throughput"])
    assert len({shape for shape, _ in drawings}) == svg_chart.MARKERS
    assert len({dash for _, dash in drawings}) == len(svg_chart.DASHES)
    assert len(set(drawings)) == len(drawings), "two series drawn alike"


def _drawn_like(chart: ET.Element) -> list[tuple[str, str, str, tuple]]:
    """(label, colour, dash, marker) of each series or limit of a chart."""
    drawn = []
    for group in chart.iter(f"{SVG}g"):
        classes = (group.get("class") or "").split()
        if "bench-series" not in classes and "bench-limit" not in classes:
            continue
        title = group.find(f"{SVG}title")
        label = title.text if title is not None else group.find(f"{SVG}text").text
        colour = next((c for c in classes if re.fullmatch(r"bench-s\d+", c)), "bench-limit")
        line = group.find(f"{SVG}polyline")
        dash = (line.get("stroke-dasharray") or "") if line is not None else ""
        markers = [c for c in group if c.tag in (f"{SVG}circle", f"{SVG}rect", f"{SVG}polygon")]
        markers += [c for c in group if c.tag == f"{SVG}path"]
        drawn.append((label, colour, dash, _shape(markers[0]) if markers else ()))
    return drawn


def _site_charts() -> list[tuple[str, ET.Element]]:
    """Every chart the performance pages show, from the committed results."""
    charts = []
    for language in LANGUAGES:
        source = (REPO_ROOT / "docs" / language / "performance.md").read_text(encoding="utf-8")
        placeholders = re.findall(r"<!-- bench:(?:throughput|latency)\b[^>]*-->", source)
        html = bench_charts.replace_placeholders(
            "".join(placeholders), language, page=f"{language}/performance.md"
        )
        charts += [(f"{language} chart {i + 1}", svg) for i, svg in enumerate(svgs(html))]
    return charts


def test_no_two_series_of_a_chart_look_alike(sample) -> None:
    """Within one line chart, every series has a colour of its own and a marker
    of its own, and no two share both colour and dash pattern (Queue and Manager
    Queue once did: numbered among all the results, not within their chart);
    the reference lines (limits) differ by dash.  In a range chart, whose rows
    are labelled where they are drawn, each mechanism has a colour of its own.
    For the charts the pages show and for one of every measured mechanism."""
    charts = _site_charts()
    assert len(charts) == 2 * 3, "two throughput charts and a latency chart per language"
    charts += [("sample, every series", svgs(render(sample, "en"))[0])]
    wrong = []
    for where, chart in charts:
        drawn = _drawn_like(chart)
        series = [d for d in drawn if d[1] != "bench-limit"]
        assert len(series) >= 2, where
        if len(series) <= svg_chart.COLOURS and len({d[1] for d in series}) < len(series):
            wrong.append(f"{where}: two series share a colour: {series}")
        if "bench-lines" not in chart.get("class"):
            continue
        for index, (label, colour, dash, _) in enumerate(drawn):
            alike = [other[0] for other in drawn[:index] if (other[1], other[2]) == (colour, dash)]
            if alike:
                wrong.append(f"{where}: {label!r} is drawn like {alike} ({colour}, {dash!r})")
        if len(series) <= svg_chart.MARKERS and len({d[3] for d in series}) < len(series):
            wrong.append(f"{where}: two series share a marker: {series}")
    assert not wrong, "\n".join(wrong)


def test_labels_follow_the_page_language(sample) -> None:
    zh, en = render(sample, "zh"), render(sample, "en")
    for chinese in ("负载大小", "中位数", "吞吐量", "往返", "共享内存", "每秒消息数", "启动方式"):
        assert chinese in zh and chinese not in en
    for english in ("payload size", "median", "Throughput", "Round trip", "start method"):
        assert english in en and english not in zh


def test_values_are_formatted_for_reading(sample) -> None:
    measured = results.read(sample)
    ratio = results.lookup(measured, "recipe.256KiB.memcpy_ratio")
    assert page_report.value(measured, "recipe.256KiB.memcpy_ratio") == f"{ratio * 100:.0f}%"
    assert page_report.value(measured, "recipe.256KiB.memcpy_ratio", ".1%") == f"{ratio:.1%}"
    assert page_report.value(measured, "recipe.256KiB.speedup_vs_queue").endswith("×")
    assert page_report.value(measured, "machine.start_method") == "fork"
    assert page_report.number(221345.6) == "221,000" and page_report.number(0.2663) == "0.266"
    assert page_report.percent(0.0712) == "7.1%" and page_report.percent(0.913) == "91%"


@pytest.mark.parametrize(
    "placeholder",
    [
        "<!-- bench:histogram -->",
        "<!-- bench:latency extra -->",
        "<!-- bench:value throughput.queue.64B.no_such_field -->",
        "<!-- bench:value throughput.no_such_mechanism.64B.mb_per_s -->",
        "<!-- bench:value throughput.queue.64B -->",
        "<!-- bench:value -->",
        "<!-- bench:table no_such_table -->",
        "<!-- bench:throughput queue,no_such_mechanism -->",
    ],
)
def test_an_unknown_placeholder_fails_the_build(sample, placeholder: str) -> None:
    with pytest.raises(PluginError, match="bench"):
        render(sample, "en", f"<p>{placeholder}</p>")


def test_missing_results_fail_the_build(tmp_path) -> None:
    with pytest.raises(PluginError, match="missing"):
        render(tmp_path / "absent.json", "zh")


def test_invalid_results_fail_the_build(tmp_path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "mp-ipc-bench/1"}', encoding="utf-8")
    with pytest.raises(PluginError, match="not valid"):
        render(broken, "zh")


def on_page_content(html: str, src_uri: str) -> str:
    """The hook as MkDocs calls it, for a page with source `src_uri`."""
    page = SimpleNamespace(file=SimpleNamespace(src_uri=src_uri))
    return bench_charts.on_page_content(html, page=page, config=None, files=None)


def test_the_hook_reads_the_language_from_the_source_path(monkeypatch, sample) -> None:
    monkeypatch.setattr(bench_charts, "RESULTS", sample)
    for src_uri, expected in (("zh/performance.md", "负载大小"), ("en/performance.md", "payload")):
        assert expected in on_page_content(PAGE, src_uri)


def test_every_text_is_given_in_every_language() -> None:
    # The words are the interface words (tests/test_strings.py checks every
    # language has the same keys); each language names every mechanism.
    for language in LANGUAGES:
        assert page_report.name("manager_queue", language) != "manager_queue"
        assert page_report.word("separator", language)


def test_the_hook_and_its_stylesheet_are_configured() -> None:
    config = site_config()
    assert "hooks/bench_charts.py" in config["hooks"]
    assert "assets/stylesheets/bench.css" in config["extra_css"]


@pytest.fixture(scope="module")
def project_markdown():
    """Markdown with the site's extensions and settings (from mkdocs.yml)."""
    config = load_config(str(CONFIG_FILE))
    return markdown.Markdown(
        extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"]
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pages_charts_come_through_markdown_intact(
    project_markdown, monkeypatch, language: str
) -> None:
    """The performance page as the build renders it: every placeholder resolves against the
    committed results, and the SVG is neither wrapped in a paragraph nor escaped."""
    monkeypatch.chdir(REPO_ROOT)  # snippets are included relative to the repository
    source = (REPO_ROOT / "docs" / language / "performance.md").read_text(encoding="utf-8")
    body = source.split("---\n", 2)[-1] if source.startswith("---\n") else source
    html = project_markdown.reset().convert(body)
    assert "<!-- bench:throughput " in html  # Markdown kept the comment as it was
    html = on_page_content(html, f"{language}/performance.md")
    assert "bench:" not in html
    assert len(svgs(html)) == 3 and not re.search(r"<p>\s*<(svg|div class=\"bench)|&lt;svg", html)
