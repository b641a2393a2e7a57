"""The benchmark results as page content, in each language of the site.

Used by hooks/bench_charts.py, which replaces placeholders in the built HTML
of a page with what these functions return:

* `throughput_chart`: MB/s against payload size (SVG + HTML legend);
* `latency_chart`: median and 99th-percentile round trips (SVG);
* `tables`: every number, with the ratios to the limits (HTML tables);
* `machine`: what the numbers were measured on (HTML list);
* `value`: one number for the prose, formatted for reading.
"""

from __future__ import annotations

import math
from html import escape

from benchmarks.results import lookup
from benchmarks.sizes import parse_size
from hooks.bench_render import svg_chart
from hooks.bench_render.svg_chart import Row, Series
from hooks.strings import strings

# The words of the charts and tables are the site's interface words, one file
# per language (hooks/strings.py), read by `word` and `name` below: section
# `bench`, the mechanisms' names in `bench_names` (API names stay as they are
# in both languages), punctuation in `punctuation`.  The reasons below stay
# here: they translate what the results file says, in English, per result.
SKIP_REASONS = {
    "zh": {
        "array": "Value/Array 只适合小数据；大数据请用共享内存",
        "manager_list": "列表的每一项都像 Manager 队列的消息一样经过管理器进程，见 Manager 队列",
        "manager_dict": "字典的每一项都像 Manager 队列的消息一样经过管理器进程，见 Manager 队列",
    },
}
"""Per language, why a combination was not measured; the results say it in English."""
# The throughput chart shows these limits as reference lines: memcpy, and the
# raw channels under the mechanisms (an OS pipe under Queue, SimpleQueue and
# Pipe(duplex=False); a socket pair under a duplex Pipe()).
CHART_LIMITS = ("memcpy", "os_pipe", "socketpair")


def word(key: str, language: str) -> str:
    """The word `key` of section `bench` (or of `punctuation`: `separator`, `comma`, `colon`)."""
    words = strings(language)
    if key in _PUNCTUATION:
        return words["punctuation"][_PUNCTUATION[key]]
    return words["bench"][key]


# The punctuation `word` gives, and its name among the interface words.
_PUNCTUATION = {"separator": "semicolon", "comma": "comma", "colon": "colon"}


def name(key: str, language: str) -> str:
    """A mechanism's name for a reader, or `key` itself for one that has none."""
    return strings(language)["bench_names"].get(key, key)


def size_text(label: str) -> str:
    """`64MiB` -> `64 MiB` (no break inside)."""
    number = label.rstrip("BKiM")
    return f"{number}\u00a0{label[len(number) :]}"


# --- numbers for reading -------------------------------------------------------


def number(value: float, digits: int = 3) -> str:
    """`digits` significant digits, thousands separated: 221,000 / 9,620 / 68.2 / 0.266."""
    if value == 0 or not math.isfinite(value):
        return f"{value:g}"
    magnitude = math.floor(math.log10(abs(value)))
    rounded = round(value, digits - 1 - magnitude)
    return f"{rounded:,.{max(0, digits - 1 - magnitude)}f}"


def percent(ratio: float) -> str:
    """7.1% / 28% / 91% / 0.81%."""
    share = ratio * 100
    return f"{share:.0f}%" if share >= 10 else f"{number(share, 2)}%"


def times(multiple: float) -> str:
    return f"{multiple:.0f}×" if multiple >= 10 else f"{multiple:.1f}×"


def value(results: dict, path: str, spec: str | None = None) -> str:
    """One value, formatted by its field name unless `spec` (a format spec) is given.

    Fields ending in `_ratio` or `_share` read as percentages, `speedup_*` and
    `times_*` as multiples, other numbers with three significant digits.
    """
    found = lookup(results, path)
    if isinstance(found, (dict, list)) or found is None or isinstance(found, bool):
        raise ValueError(f"{path!r} is {found!r}, not a single value")
    if spec:
        return escape(format(found, spec))
    if isinstance(found, str):
        return escape(found)
    field = path.rsplit(".", 1)[-1]
    if field.endswith(("_ratio", "_share")):
        return percent(found)
    if field.startswith(("speedup", "times_")):
        return times(found)
    if isinstance(found, int):
        return f"{found:,}"
    return number(found)


# --- charts --------------------------------------------------------------------


def _sizes(results: dict) -> list[str]:
    return sorted(results["settings"]["sizes"], key=parse_size)


def _points(by_size: dict, sizes: list[str]) -> list[tuple[float, float]]:
    return [
        (parse_size(label), by_size[label]["mb_per_s"])
        for label in sizes
        if "mb_per_s" in by_size.get(label, {})
    ]


def throughput_chart(results: dict, language: str, keys: list[str] | None = None) -> str:
    """SVG of MB/s against payload size, one series per mechanism, memcpy and os.pipe."""
    sizes = _sizes(results)
    known = results["throughput"]
    unknown = [k for k in keys or [] if k not in known]
    if unknown:
        raise KeyError(f"no throughput results for {unknown}; known: {', '.join(known)}")
    # Numbered within this chart, which picks each series' colour, marker and
    # dash: numbered among all the results, Queue (the first) and Manager Queue
    # (the ninth) came out alike.
    selected = [key for key in known if keys is None or key in keys]
    shown = [
        (key, known[key], Series(name(key, language), _points(known[key], sizes), index))
        for index, key in enumerate(selected)
    ]
    for index, key in enumerate(CHART_LIMITS):
        by_size = results["limits"][key]
        points = _points(by_size, sizes)
        shown.append((key, by_size, Series(name(key, language), points, index, limit=True)))
    series = [s for _, _, s in shown]
    largest = sizes[-1]
    at_largest = []
    for _, by_size, s in shown:
        entry = by_size.get(largest, {})
        if "mb_per_s" in entry:
            text = f"{s.label} {number(entry['mb_per_s'])} MB/s"
            if "memcpy_ratio" in entry:
                ratio = percent(entry["memcpy_ratio"])
                text += f" ({word('of_memcpy', language).format(ratio)})"
            at_largest.append(text)
    summary = word("throughput_summary", language).format(
        first=size_text(sizes[0]),
        last=size_text(largest),
        values=word("separator", language).join(at_largest),
    )
    svg = svg_chart.line_chart(
        series,
        x_ticks=[(parse_size(label), size_text(label)) for label in sizes],
        x_label=word("size", language),
        y_label=word("mb_axis", language),
        title=word("throughput_title", language),
        summary=summary,
        # Unique per chart: a page may show several, each labelled by its own ids.
        id_prefix="bench-throughput" + "".join(f"-{k}" for k in keys or []).replace("_", "-"),
    )
    return f'<div class="bench-figure">{svg}{svg_chart.legend(series)}</div>'


def latency_chart(results: dict, language: str) -> str:
    """SVG of the median (dot) and 99th percentile (bar) round trip per mechanism."""
    rows = [
        Row(name(key, language), entry["median_us"], entry["p99_us"])
        for key, entry in results["latency"].items()
        if "median_us" in entry
    ]
    rows += [
        Row(name(key, language), entry["median_us"], entry["p99_us"], limit=True)
        for key, entry in results["limits"].get("round_trip", {}).items()
        if "median_us" in entry
    ]
    summary = word("latency_summary", language).format(
        values=word("separator", language).join(
            f"{r.label} {number(r.median)} / {number(r.p99)}" for r in rows
        )
    )
    svg = svg_chart.range_chart(
        rows,
        x_label=word("us_axis", language),
        title=word("latency_title", language),
        summary=summary,
        id_prefix="bench-latency",
    )
    key = svg_chart.range_legend(word("median", language), word("p99", language))
    return f'<div class="bench-figure">{svg}{key}</div>'


# --- tables --------------------------------------------------------------------

TABLES = ("throughput", "latency", "recipe", "limits", "allocation", "put")


def tables(results: dict, language: str, which: list[str] | None = None) -> str:
    """The tables named in `which` (default: all of TABLES), as HTML."""
    unknown = [w for w in which or [] if w not in TABLES]
    if unknown:
        raise KeyError(f"no table {unknown}; known: {', '.join(TABLES)}")
    parts = []
    for table in which or TABLES:
        parts += {
            "throughput": _throughput_tables,
            "latency": _latency_table,
            "recipe": _recipe_table,
            "limits": _limits_table,
            "allocation": _allocation_table,
            "put": _put_table,
        }[table](results, language)
    return "".join(parts)


def _table(caption: str, header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{h}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (
        f'<div class="bench-numbers"><table><caption>{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def _throughput_tables(results: dict, language: str) -> list[str]:
    sizes = _sizes(results)
    limits = results["limits"]
    rows = {
        **results["throughput"],
        "os_pipe": limits["os_pipe"],
        "socketpair": limits["socketpair"],
        "memcpy": limits["memcpy"],
        "memcpy_fresh": limits["memcpy_fresh"],
    }
    header = [word("mechanism", language)] + [size_text(s) for s in sizes]
    parts = []
    for caption, field, show, keys in (
        ("t_mb", "mb_per_s", number, rows),
        ("t_msgs", "msgs_per_s", number, rows),
        ("t_memcpy", "memcpy_ratio", percent, [k for k in rows if not k.startswith("memcpy")]),
        ("t_channel", "channel_ratio", percent, results["throughput"]),
    ):
        body = []
        for key in keys:
            cells = []
            for label in sizes:
                entry = rows[key].get(label, {})
                cells.append(show(entry[field]) if entry.get(field) is not None else "—")
            if any(c != "—" for c in cells):
                body.append([escape(name(key, language)), *cells])
        parts.append(_table(word(caption, language), header, body))
    skipped = [
        (key, label, entry["skipped"])
        for key, by_size in rows.items()
        for label, entry in by_size.items()
        if "skipped" in entry
    ]
    if skipped:
        items = "".join(
            f"<li>{escape(name(key, language))}, {size_text(label)}{word('colon', language)}"
            f"{escape(SKIP_REASONS.get(language, {}).get(key, reason))}</li>"
            for key, label, reason in skipped
        )
        parts.append(f"<p>{escape(word('skipped', language))}:</p><ul>{items}</ul>")
    return parts


def _latency_table(results: dict, language: str) -> list[str]:
    entries = {**results["latency"], **results["limits"].get("round_trip", {})}
    rows = [
        [
            escape(name(key, language)),
            number(entry["median_us"]),
            number(entry["p99_us"]),
            times(entry["times_channel"]) if "times_channel" in entry else "—",
        ]
        for key, entry in entries.items()
        if "median_us" in entry
    ]
    header = [word(k, language) for k in ("mechanism", "median_us", "p99_us", "times_channel")]
    return [_table(word("t_latency", language), header, rows)]


def _recipe_table(results: dict, language: str) -> list[str]:
    fields = ("mb_per_s", "transfer_ms", "memcpy_ratio", "speedup_vs_queue")
    rows = [
        [size_text(label)] + [value(results, f"recipe.{label}.{f}") for f in fields]
        for label in sorted(results["recipe"], key=parse_size)
    ]
    header = [word("size", language)] + [word(f, language) for f in fields]
    return [_table(word("t_recipe", language), header, rows)]


def _limits_table(results: dict, language: str) -> list[str]:
    limits = results["limits"]
    rows = [
        [
            escape(word(key, language).format(size_text(limits[key]["size"]))),
            number(limits[key]["gb_per_s"]),
        ]
        for key in ("memcpy_cached", "memcpy_uncached")
    ]
    header = [word("limit", language), word("gb_per_s", language)]
    return [_table(word("t_limits", language), header, rows)]


def _allocation_table(results: dict, language: str) -> list[str]:
    allocation = results["limits"].get("allocation", {})
    rows = [
        [
            size_text(label),
            number(entry["fresh_mb_per_s"]),
            number(entry["reused_mb_per_s"]),
            percent(entry["fresh_ratio"]),
        ]
        for label, entry in sorted(allocation.items(), key=lambda item: parse_size(item[0]))
    ]
    header = [word(k, language) for k in ("size", "fresh", "reused", "fresh_ratio")]
    return [_table(word("t_allocation", language), header, rows)]


def _put_table(results: dict, language: str) -> list[str]:
    rows = [
        [
            escape(name(key, language)),
            size_text(probe["size"]),
            number(probe["put_us"]),
            number(probe["delivered_us"]),
        ]
        for key, probe in results["probes"]["put"].items()
    ]
    header = [word(k, language) for k in ("queue_kind", "size", "put_us", "delivered_us")]
    return [_table(word("t_put", language), header, rows)]


# --- the machine ---------------------------------------------------------------


def machine(results: dict, language: str) -> str:
    m, settings = results["machine"], results["settings"]
    comma = word("comma", language)
    cpu = escape(m["cpu"])
    if m.get("cores"):
        cpu += comma + word("cores", language).format(m["cores"])
    if m.get("memory_bytes"):
        memory = f"{m['memory_bytes'] / 2**30:.0f} GiB"
        cpu += comma + word("memory", language).format(memory)
    items = [
        (word("cpu", language), cpu),
        (word("python", language), escape(m["python"])),
        (word("os", language), escape(m["os"])),
        (word("start_method", language), f"<code>{escape(m['start_method'])}</code>"),
        (word("date", language), escape(m["date"][:10])),
    ]
    separator, colon = word("separator", language), word("colon", language)
    details = []
    if m.get("duration_s"):
        minutes = f"{m['duration_s'] / 60:.1f}"
        details.append(word("duration", language).format(minutes, settings["repeats"]))
    if m.get("load_average"):
        details.append(word("load", language).format(m["load_average"][0]))
    if settings.get("quick"):
        details.append(word("quick", language))
    if settings.get("note"):
        details.append(f"{word('note', language)}{colon}{settings['note']}")
    lines = "".join(f"<li>{label}{colon}{text}</li>" for label, text in items)
    if details:
        lines += f"<li>{escape(separator.join(details))}</li>"
    lines += f"<li>{word('command', language)}{colon}<code>{escape(m['command'])}</code></li>"
    return f'<ul class="bench-machine">{lines}</ul>'
