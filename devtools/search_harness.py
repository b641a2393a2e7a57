"""The browser search tests' queries, answered by the built site's own search
worker under Node: seconds, where the browser takes minutes.

    python3 dev.py search [--site DIR] [--language zh|en] [--show N]

For each language it builds the site (or reads `--site`, a built site), runs
Material's worker as the site ships it (`devtools/search_harness.js`: the
script of `assets/javascripts/workers/`, with `hooks/search_worker.py`'s fixes
in front), and asks what `tests/browser/test_search.py` asks: every row of
`SEARCHES` and `PASTED`, and every message of the error index, pasted.  A
query is missed on the terms of those tests: its page (for an error message,
the index and a page that shows it) not among the first `TOP` results.  It
prints each miss with the results it got, then the count per language, and
exits 1 if any query was missed.

The browser tests stay the check: this is for tuning the index, the query
clean-up and the ranking (`hooks/assets/search-worker.js`), and for seeing why
a query misses.  `--show N` prints the first N results of every query.
Needs `node` on `PATH`; without it, it says so and exits 2.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from devtools.built_site import build_site
from hooks import error_index
from hooks.site_map import LANGUAGES, site_config, url_path
from tests.browser.test_search import PASTED, SEARCHES, TOP, error_messages

DRIVER = Path(__file__).with_name("search_harness.js")


@dataclass(frozen=True)
class Query:
    """A query and the pages of which one must come up (all of `also` too)."""

    text: str
    any_of: frozenset[str]
    """URL paths (`en/pools/`): one of them must be among the first TOP results."""
    also: frozenset[str] = frozenset()
    """URL paths that must all be among the first TOP results too (the error index)."""


def queries(language: str) -> list[Query]:
    """What tests/browser/test_search.py asks in `language`, with what it expects."""
    asked = [
        Query(text, frozenset({url_path(language, name)}))
        for text, name in SEARCHES[language] + PASTED
    ]
    index = url_path(language, error_index.PAGE)
    for text, names in error_messages(language).items():
        asked.append(
            Query(text, frozenset(url_path(language, name) for name in names), frozenset({index}))
        )
    return asked


def options() -> dict:
    """The options Material's bundle sends the worker with the index: whether
    the theme has the feature `search.suggest` (mkdocs.yml)."""
    return {"suggest": "search.suggest" in site_config()["theme"].get("features", [])}


def answer(site: Path, language: str, texts: list[str]) -> list[dict]:
    """The worker's answers to `texts`: `{query, pages, warnings}` each, `pages`
    the URL paths of the result groups, best first."""
    run = subprocess.run(
        ["node", str(DRIVER), str(site), language],
        input=json.dumps({"options": options(), "queries": texts}),
        capture_output=True,
        text=True,
        check=False,
    )
    if run.returncode:
        raise SystemExit(f"the search worker under node failed:\n{run.stderr}")
    return json.loads(run.stdout)


def missed(query: Query, pages: list[str]) -> bool:
    top = set(pages[:TOP])
    return not (query.any_of & top) or not query.also <= top


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--language", choices=LANGUAGES, action="append")
    parser.add_argument("--show", type=int, default=0, metavar="N")
    args = parser.parse_args(argv)
    if shutil.which("node") is None:
        print("dev.py search: node is not on PATH; it runs Material's worker with Node.js")
        return 2
    with tempfile.TemporaryDirectory(prefix="search-harness-") as scratch:
        site = args.site
        if site is None:
            built = build_site(Path(scratch) / "site")
            if built.returncode:
                print(built.log)
                return built.returncode
            site = built.dir
        failed = 0
        for language in args.language or LANGUAGES:
            asked = queries(language)
            answers = answer(site, language, [q.text for q in asked])
            misses = 0
            for query, got in zip(asked, answers):
                pages = got["pages"]
                miss = missed(query, pages)
                misses += miss
                if miss or args.show:
                    mark = "MISS" if miss else "ok  "
                    shown = pages[: max(TOP, args.show)]
                    want = sorted(query.any_of) + sorted(f"and {p}" for p in query.also)
                    print(f"{language} {mark} {query.text!r}\n     want {want}\n     got  {shown}")
                    for warning in got["warnings"]:
                        print(f"     worker: {warning}")
            print(f"{language}: {misses} of {len(asked)} queries missed")
            failed += misses
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
