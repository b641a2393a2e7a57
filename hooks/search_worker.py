"""Material's search worker, with the fixes it needs for this site.

After the build, the worker script Material ships
(`assets/javascripts/workers/search.<hash>.min.js`) gets two changes, made
here because no setting and no script on the page reaches inside a Web Worker:

1. hooks/assets/search-worker.js goes in front of it.  It fixes lunr's word
   automaton (digits could merge two words into one that no page has, and a
   query reaching it found nothing), makes a pasted error message a query of
   the index's words, and ranks first the pages whose section is the whole
   message; its comments say how.
2. Material's Chinese query segmenter (`segment()` in Material 9.7.7's
   src/templates/assets/javascripts/integrations/search/query/segment/index.ts)
   tries every substring `query.slice(i, j)` with `j < query.length`, so it
   never sees a word of the index that ends where the query ends: 只读文件系统,
   one word of the index, was searched as 只读 and 文件.  The loop gets
   `j <= query.length`.

The script's last line, which names its source map, goes: the map's lines
would be off by the preamble's.

Both are written by hand: Material has no hook for either, and lunr 2.3.9 is
the last lunr release.  The build fails where Material's script is not as
expected (another release: look again), so neither fix can go stale silently;
tests/test_search_worker.py proves that, and tests/browser/test_search.py has
the queries that need them ('exit code -7', 只读文件系统, every message of the
error index).

It runs at the end of the default language's build, as hooks/i18n_fixes.py's
index split does (the other languages are built inside it), and in the
offline copy's build, whose worker runs in an iframe, as a script: the fixes
work there the same way.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

WORKERS = Path("assets") / "javascripts" / "workers"
PREAMBLE = Path(__file__).parent / "assets" / "search-worker.js"
MARK = "// Put before Material's search worker by hooks/search_worker.py"
LOOP = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"
FIXED_LOOP = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"
# The source map's lines would be off by the preamble's: the script goes without it.
SOURCE_MAP = re.compile(r"\n//# sourceMappingURL=\S+\s*$")


class WorkerChanged(PluginError):
    """Material's worker script is not the one these fixes were made for."""


def fix(script: str, preamble: str) -> str:
    """Material's worker `script`, fixed: the `preamble` first, the segmenter's loop
    reaching the query's end."""
    if script.startswith(MARK):
        return script  # fixed already: the same file seen by a second build
    if script.count(LOOP) != 1:
        raise WorkerChanged(
            f"Material's search worker has the query segmenter's loop {script.count(LOOP)} "
            f"times, not once ({LOOP}): another Material release? Look again at "
            "hooks/search_worker.py"
        )
    if "self.lunr=" not in script or 'addEventListener("message"' not in script:
        raise WorkerChanged(
            "Material's search worker sets no self.lunr or listens for no message: "
            "another Material release? Look again at hooks/assets/search-worker.js"
        )
    if not preamble.startswith(MARK):
        raise WorkerChanged(f"{PREAMBLE} does not start with {MARK!r}")
    return preamble + "\n" + SOURCE_MAP.sub("\n", script.replace(LOOP, FIXED_LOOP))


@event_priority(-150)  # with i18n_fixes' on_post_build: once every language is built
def on_post_build(*, config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "building", False):
        return
    scripts = sorted((Path(config.site_dir) / WORKERS).glob("search.*.min.js"))
    if len(scripts) != 1:
        raise WorkerChanged(f"{len(scripts)} search worker scripts in {WORKERS}, not 1")
    preamble = PREAMBLE.read_text(encoding="utf-8")
    [script] = scripts
    script.write_text(fix(script.read_text(encoding="utf-8"), preamble), encoding="utf-8")
