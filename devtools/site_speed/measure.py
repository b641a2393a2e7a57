"""Lighthouse scores of the built site, page type by page type, in every language.

    .venv/bin/python -m devtools.site_speed.measure [--runs N] [--preset mobile|desktop]
                                                    [--out PATH] [--site DIR]

Builds the site (or takes `--site DIR`), installs the pinned Lighthouse with
`npm ci` into node_modules/ beside this file if it is not there yet, serves the
site on 127.0.0.1 as a static host does, and runs Lighthouse `--runs` times on
each measured page (`devtools.site_speed.PAGES`: home, a topic page without
diagrams, a page with diagrams, the benchmark page) of each language, one run
at a time.  It prints, and writes
as JSON to `--out`, the median score of each category, the median transfer,
LCP, TBT and CLS of each page, and every audit that failed in any run.

The headline is Lighthouse's default: a mid-range phone on a slow 4G network,
with simulated throttling (`--preset mobile`); `--preset desktop` is
Lighthouse's desktop configuration.  Scores depend on how busy the machine is
(the JSON keeps Lighthouse's `benchmarkIndex` of each run), so this is a
measurement to read, not a test that passes or fails.

Only this script needs node and Chromium (`CHROME_PATH`, Debian's by default):
building, serving and testing the site do not.  It runs with .venv's Python
(`python3 dev.py site-speed`) and builds, serves and starts Chromium as the
browser tests do: devtools.built_site, devtools.local_server's server thread
and devtools.chromium's flags.
"""

from __future__ import annotations

import argparse
import gzip
import json
import mimetypes
import os
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import AbstractContextManager
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import unquote, urlsplit

from devtools.built_site import build_site
from devtools.chromium import CHROMIUM, LAUNCH_ARGS
from devtools.local_server import serving
from devtools.site_speed import PAGES
from hooks.site_map import LANGUAGES, url_path
from verifier import processes
from verifier.catalog import REPO_ROOT

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "node_modules" / "lighthouse"
DEFAULT_CHROME = str(CHROMIUM)

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {
    "lcp_ms": "largest-contentful-paint",
    "tbt_ms": "total-blocking-time",
    "cls": "cumulative-layout-shift",
    "fcp_ms": "first-contentful-paint",
    "si_ms": "speed-index",
}
CHROME_FLAGS = ["--headless=new", *LAUNCH_ARGS]
"""The browser tests' flags (devtools.chromium), in Lighthouse's headless mode."""
RUN_TIMEOUT_S = 300

# Served compressed, as GitHub Pages serves: it gzips HTML, CSS, JavaScript,
# JSON, SVG and XML for every browser that accepts gzip, and so does any other
# static host worth publishing on.  Lighthouse reports what crosses the network,
# so an uncompressed server would measure a site no reader ever downloads (and
# fail Lighthouse's "enable text compression" audit for the server's sake).
# The uncompressed size of the same requests is reported beside it.
COMPRESSED_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
)
GZIP_LEVEL = 6  # zlib's default; a host's own setting may differ by a few per cent
CACHE_CONTROL = "max-age=600"  # what GitHub Pages sends with every file


# --- the static host ---------------------------------------------------------


class _StaticHost(BaseHTTPRequestHandler):
    """A directory, as a static host serves it: `dir/` is `dir/index.html`,
    anything missing is the site's 404.html with status 404, text is gzipped
    for clients that accept it, and connections are kept alive."""

    protocol_version = "HTTP/1.1"
    root: Path
    cache: dict[tuple[Path, bool], bytes]

    def do_GET(self) -> None:
        self._respond(body=True)

    def do_HEAD(self) -> None:
        self._respond(body=False)

    def _file(self) -> tuple[int, Path | None]:
        path = unquote(urlsplit(self.path).path)
        target = (self.root / path.lstrip("/")).resolve()
        if self.root == target or self.root in target.parents:
            if target.is_dir() and path.endswith("/"):
                target = target / "index.html"
            if target.is_file():
                return 200, target
        missing = self.root / "404.html"
        return 404, missing if missing.is_file() else None

    def _respond(self, body: bool) -> None:
        status, file = self._file()
        if file is None:
            content, ctype = b"not found", "text/plain"
        else:
            ctype = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            content = None
        compress = ctype.startswith(COMPRESSED_TYPES) and "gzip" in self.headers.get(
            "Accept-Encoding", ""
        )
        if file is not None:
            key = (file, compress)
            if key not in self.cache:
                raw = file.read_bytes()
                self.cache[key] = gzip.compress(raw, GZIP_LEVEL, mtime=0) if compress else raw
            content = self.cache[key]
        self.send_response(status)
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
            ctype += "; charset=utf-8"
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(content)))
        self.send_header("Cache-Control", CACHE_CONTROL)
        if compress:
            self.send_header("Content-Encoding", "gzip")
        if ctype.startswith(COMPRESSED_TYPES):
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        if body:
            self.wfile.write(content)

    def log_message(self, format: str, *args) -> None:
        pass


def serve(directory: Path) -> AbstractContextManager[str]:
    """Serve `directory` at the root of a free port on 127.0.0.1; yields the base URL."""
    mimetypes.add_type("application/javascript", ".mjs")
    mimetypes.add_type("application/json", ".map")
    root = directory.resolve()
    return serving(type("Host", (_StaticHost,), {"root": root, "cache": {}}))  # a cache per site


# --- building, installing, running Lighthouse --------------------------------


def build(destination: Path) -> None:
    print(f"building the site into {destination} ...", flush=True)
    site = build_site(destination)
    if site.returncode != 0:
        raise SystemExit(f"the site does not build:\n{site.log}")


def lighthouse_version() -> str | None:
    manifest = LIGHTHOUSE / "package.json"
    if not manifest.is_file():
        return None
    return json.loads(manifest.read_text(encoding="utf-8"))["version"]


def install_lighthouse() -> str:
    """`npm ci` unless the pinned version is installed; returns the version."""
    pinned = json.loads((HERE / "package.json").read_text(encoding="utf-8"))["dependencies"][
        "lighthouse"
    ]
    if lighthouse_version() != pinned:
        print(f"installing lighthouse {pinned} with npm ci ...", flush=True)
        try:
            subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)
        except FileNotFoundError:
            raise SystemExit("npm not found: measuring needs node and npm") from None
        except subprocess.CalledProcessError as error:
            raise SystemExit(f"npm ci failed ({error.returncode})") from None
    return lighthouse_version() or pinned


def run_lighthouse(url: str, preset: str, report: Path, chrome: str) -> dict:
    """One Lighthouse run; returns its result (the LHR)."""
    command = [
        "node",
        str(LIGHTHOUSE / "cli" / "index.js"),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": chrome}
    # Its own process group: on a time-out, Lighthouse and its Chromium end together.
    process = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        **processes.new_process_group(),
    )
    try:
        output, _ = process.communicate(timeout=RUN_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        processes.kill_group(process)
        process.communicate()
        raise RuntimeError(f"lighthouse took over {RUN_TIMEOUT_S} s on {url}") from None
    if process.returncode != 0 or not report.is_file():
        text = output.decode(errors="replace")[-2000:]
        raise RuntimeError(f"lighthouse failed ({process.returncode}) on {url}:\n{text}")
    return json.loads(report.read_text(encoding="utf-8"))


# --- reading a Lighthouse result ---------------------------------------------


def failed(audit: dict) -> bool:
    """A scored audit that did not pass (numeric ones below Lighthouse's 0.9 'good')."""
    score, mode = audit.get("score"), audit.get("scoreDisplayMode")
    if score is None or mode in ("informative", "notApplicable", "manual", "error"):
        return False
    return score < (1 if mode == "binary" else 0.9)


def audit_detail(audit: dict) -> str:
    """Its display value, or the first few elements it found."""
    if audit.get("displayValue"):
        return audit["displayValue"]
    items = (audit.get("details") or {}).get("items") or []
    found = [
        (item.get("node") or {}).get("selector") or item.get("url") or ""
        for item in items
        if isinstance(item, dict)
    ]
    found = [f for f in found if f]
    return ", ".join(found[:4]) + (f" (+{len(found) - 4})" if len(found) > 4 else "")


def summarize_run(lhr: dict) -> dict:
    """The figures this script reports, from one Lighthouse result."""
    audits = lhr["audits"]
    requests = ((audits.get("network-requests") or {}).get("details") or {}).get("items") or []
    run = {
        "scores": {
            name: None
            if lhr["categories"][name]["score"] is None
            # Lighthouse's report rounds the same way.
            else round(lhr["categories"][name]["score"] * 100)
            for name in CATEGORIES
        },
        "transfer_bytes": sum(r.get("transferSize") or 0 for r in requests),
        "uncompressed_bytes": sum(r.get("resourceSize") or 0 for r in requests),
        "requests": len(requests),
        "benchmark_index": lhr.get("environment", {}).get("benchmarkIndex"),
        "runtime_error": (lhr.get("runtimeError") or {}).get("code"),
        "failing": {},
        "largest_requests": [
            {
                "url": r.get("url", "")[:200],
                "transfer_bytes": r.get("transferSize") or 0,
                "uncompressed_bytes": r.get("resourceSize") or 0,
            }
            for r in sorted(requests, key=lambda r: -(r.get("transferSize") or 0))[:6]
        ],
    }
    for key, audit_id in METRICS.items():
        run[key] = (audits.get(audit_id) or {}).get("numericValue")
    for name in CATEGORIES:
        for ref in lhr["categories"][name]["auditRefs"]:
            audit = audits.get(ref["id"])
            if audit and failed(audit):
                run["failing"][ref["id"]] = {
                    "category": name,
                    "title": audit.get("title", ""),
                    "score": audit["score"],
                    "weight": ref.get("weight", 0),
                    "detail": audit_detail(audit),
                }
    return run


def median(values: list) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def summarize_page(runs: list[dict]) -> dict:
    """Medians over the runs of one page, and every audit that failed in any run."""
    summary = {
        "scores": {name: median([r["scores"][name] for r in runs]) for name in CATEGORIES},
        "transfer_kb": round(median([r["transfer_bytes"] for r in runs]) / 1024, 1),
        "uncompressed_kb": round(median([r["uncompressed_bytes"] for r in runs]) / 1024, 1),
        "requests": median([r["requests"] for r in runs]),
    }
    for key in METRICS:
        value = median([r[key] for r in runs])
        summary[key] = None if value is None else round(value, 3 if key == "cls" else 0)
    failing: dict[str, dict] = {}
    for run in runs:
        for audit_id, audit in run["failing"].items():
            entry = failing.setdefault(audit_id, {**audit, "runs": 0})
            entry["runs"] += 1
    summary["failing_audits"] = failing
    return summary


# --- the report --------------------------------------------------------------


def number(value, digits: int = 0) -> str:
    if value is None:
        return "-"
    return f"{value:.{digits}f}"


def table(results: list[dict]) -> str:
    header = (
        f"{'page':<25}lang  perf a11y   bp  seo  transfer KB  uncompr. KB  reqs"
        "   LCP ms  TBT ms    CLS"
    )
    lines = [header, "-" * len(header)]
    for result in results:
        s = result["median"]
        scores = "".join(f"{number(s['scores'][c]):>5}" for c in CATEGORIES)
        lines.append(
            f"{result['type'] + ' (' + result['page'] + ')':<25}{result['language']:<5}{scores}"
            f"{number(s['transfer_kb'], 1):>13}{number(s['uncompressed_kb'], 1):>13}"
            f"{number(s['requests']):>6}{number(s['lcp_ms']):>9}{number(s['tbt_ms']):>8}"
            f"{number(s['cls'], 3):>7}"
        )
    return "\n".join(lines)


def failing_lines(results: list[dict], runs: int, everything: bool) -> list[str]:
    """Failed audits of the accessibility, best practices and SEO categories, and
    the performance metrics that fell short; with `everything`, also the
    performance diagnostics (which carry no weight in the score)."""
    lines = []
    for result in results:
        for audit_id, audit in sorted(
            result["median"]["failing_audits"].items(), key=lambda item: item[1]["category"]
        ):
            if audit["category"] == "performance" and not audit["weight"] and not everything:
                continue
            lines.append(
                f"{result['language']}/{result['page']}: [{audit['category']}] {audit_id} "
                f"({audit['runs']}/{runs} runs, score {audit['score']}): {audit['title']}"
                + (f" - {audit['detail']}" if audit["detail"] else "")
            )
    return lines


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m devtools.site_speed.measure", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per page (default 3)")
    parser.add_argument(
        "--preset",
        choices=("mobile", "desktop"),
        default="mobile",
        help="Lighthouse's default mobile settings (default) or its desktop preset",
    )
    parser.add_argument(
        "--out",
        type=Path,
        help="JSON file to write (default test-artifacts/site-speed/lighthouse-PRESET.json)",
    )
    parser.add_argument("--site", type=Path, help="a site built already (default: build one)")
    parser.add_argument(
        "--reports", type=Path, help="keep Lighthouse's own report of every run in this folder"
    )
    parser.add_argument(
        "--pages",
        default=",".join(PAGES),
        help=f"page types to measure, comma-separated (default {','.join(PAGES)})",
    )
    parser.add_argument(
        "--chrome",
        default=os.environ.get("CHROME_PATH", DEFAULT_CHROME),
        help=f"Chromium to run (default $CHROME_PATH or {DEFAULT_CHROME})",
    )
    parser.add_argument(
        "--all-audits",
        action="store_true",
        help="also print the performance diagnostics that failed (the JSON has them anyway)",
    )
    args = parser.parse_args(argv)
    args.pages = [p for p in args.pages.split(",") if p]
    unknown = set(args.pages) - set(PAGES)
    if unknown or not args.pages:
        parser.error(f"--pages: choose from {', '.join(PAGES)}")
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.out is None:
        args.out = REPO_ROOT / "test-artifacts" / "site-speed" / f"lighthouse-{args.preset}.json"
    return args


def measure(args: argparse.Namespace, site: Path, work: Path) -> dict:
    version = install_lighthouse()
    if args.reports:
        args.reports.mkdir(parents=True, exist_ok=True)
    if not Path(args.chrome).exists():
        raise SystemExit(f"no Chromium at {args.chrome} (apt-get install chromium)")
    started = time.monotonic()
    results = []
    with serve(site) as base:
        print(
            f"lighthouse {version}, {args.preset}, {args.runs} run(s) per page, "
            f"site served gzipped at {base}",
            flush=True,
        )
        for language in LANGUAGES:
            for page_type in args.pages:
                page = PAGES[page_type]
                where = url_path(language, page)
                url = base + where
                runs = []
                for number_ in range(args.runs):
                    report = (args.reports or work) / f"{language}-{page}-{number_ + 1}.json"
                    clock = time.monotonic()
                    lhr = run_lighthouse(url, args.preset, report, args.chrome)
                    run = summarize_run(lhr)
                    run["seconds"] = round(time.monotonic() - clock, 1)
                    runs.append(run)
                    print(
                        f"  {language}/{page} run {number_ + 1}: "
                        + " ".join(f"{c}={run['scores'][c]}" for c in CATEGORIES)
                        + f" transfer={run['transfer_bytes'] / 1024:.0f} KB"
                        + f" ({run['seconds']} s)",
                        flush=True,
                    )
                results.append(
                    {
                        "type": page_type,
                        "page": page,
                        "language": language,
                        "url_path": "/" + where,
                        "median": summarize_page(runs),
                        "runs": runs,
                    }
                )
    return {
        "lighthouse": version,
        "chrome": args.chrome,
        "preset": args.preset,
        "throttling": "simulated (Lighthouse default)",
        "served": f"gzip level {GZIP_LEVEL} for text, Cache-Control: {CACHE_CONTROL}",
        "runs_per_page": args.runs,
        "seconds": round(time.monotonic() - started),
        "pages": results,
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    with tempfile.TemporaryDirectory(prefix="site-speed-") as temporary:
        work = Path(temporary)
        site = args.site
        if site is None:
            site = work / "site"
            build(site)
        elif not (site / "index.html").is_file():
            raise SystemExit(f"--site {site}: no index.html there")
        report = measure(args, site, work)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print()
    print(
        f"Lighthouse {report['lighthouse']}, {report['preset']} "
        f"({report['throttling']}), median of {args.runs} run(s), "
        f"transfer gzipped as a static host serves it:"
    )
    print(table(report["pages"]))
    failing = failing_lines(report["pages"], args.runs, args.all_audits)
    print()
    print("failing audits:" if failing else "failing audits: none")
    for line in failing:
        print("  " + line)
    print(f"\n{report['seconds']} s of measuring; written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
