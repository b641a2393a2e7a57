"""A plain-text summary of a results file, for the terminal."""

from __future__ import annotations

from benchmarks.sizes import parse_size


def summary(results: dict) -> str:
    m = results["machine"]
    lines = [
        (
            f"{m['cpu']}, {m['cores']} cores, {m['python']}, {m['os']}, "
            f"start method {m['start_method']}, {m['date']}"
        ),
    ]
    if results["settings"].get("note"):
        lines.append(f"note: {results['settings']['note']}")
    sizes = sorted(results["settings"]["sizes"], key=parse_size)
    limits = results["limits"]
    lines += ["", "throughput: messages/s | MB/s | share of memcpy"]
    rows = {**results["throughput"], **{k: limits[k] for k in ("os_pipe", "socketpair")}}
    rows["memcpy"] = limits["memcpy"]
    rows["memcpy_fresh"] = limits["memcpy_fresh"]
    lines.append(f"{'':28}" + "".join(f"{label:>26}" for label in sizes))
    for key, by_size in rows.items():
        cells = []
        for label in sizes:
            entry = by_size.get(label, {})
            if "mb_per_s" not in entry:
                cells.append(f"{'skipped' if 'skipped' in entry else '-':>26}")
                continue
            ratio = entry.get("memcpy_ratio")
            share = f"{ratio:6.1%}" if ratio is not None else " " * 6
            cells.append(f"{entry['msgs_per_s']:>9,.0f} {entry['mb_per_s']:>9,.1f} {share}")
        lines.append(f"{key:28}" + "".join(cells))
    lines += ["", "latency (64 B round trip): median / p99 µs"]
    for key, entry in {**results["latency"], **limits.get("round_trip", {})}.items():
        if "median_us" in entry:
            lines.append(f"  {key:22} {entry['median_us']:>9,.1f} {entry['p99_us']:>9,.1f}")
    cached, uncached = limits["memcpy_cached"], limits["memcpy_uncached"]
    lines += [
        "",
        (
            f"memcpy: cached ({cached['size']}) {cached['gb_per_s']} GB/s, "
            f"uncached ({uncached['size']}) {uncached['gb_per_s']} GB/s"
        ),
        "fresh buffer vs reused: "
        + ", ".join(
            f"{label} {entry['fresh_ratio']:.0%}"
            for label, entry in sorted(limits.get("allocation", {}).items(), key=_by_size)
        ),
    ]
    for label, r in results["recipe"].items():
        lines.append(
            f"recipe ({label}): {r['mb_per_s']:,.0f} MB/s, {r['memcpy_ratio']:.0%} of memcpy, "
            f"{r['transfer_ms']} ms per transfer, {r['speedup_vs_queue']}x a Queue"
        )
    for key, probe in results["probes"]["put"].items():
        lines.append(
            f"{key}.put({probe['size']}): returns after {probe['put_us']:,.0f} µs, "
            f"delivered after {probe['delivered_us']:,.0f} µs"
        )
    return "\n".join(lines)


def _by_size(item) -> int:
    return parse_size(item[0])
