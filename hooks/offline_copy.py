"""An offline copy of the whole site, as a zip that the site itself offers.

Some readers sit behind networks that block foreign hosts, or want the pages
on a train.  So every `mkdocs build` (not `serve`) builds the site a second
time with Material's `offline` plugin turned on (`MKDOCS_OFFLINE=true`, see
mkdocs.yml) and puts the result, zipped, at `downloads/site-offline.zip` in
the site being built: one folder, `mp-data-exchange-docs/`, with the Chinese
home page at its `index.html` and the English site below `en/`, to be opened
straight from disk (`file://`).

For that build the offline plugin turns off directory URLs (`queue.html`
instead of `queue/`) and inlines the search index as a script
(`search/search_index.js`), which Material loads from `file://` instead of
fetching the JSON.  Chromium runs no Web Worker from `file://`, and Material's
search runs in one: the plugin asks for squidfunk's `iframe-worker` shim from
unpkg.com, which many readers cannot reach, so this hook swaps in the copy
vendored in docs/assets/javascripts/vendor/ (the npm package's `shim/index.js`,
MIT licence).  The search-on-demand script holds back only a request for the
JSON index, so from disk the index comes as the page opens; the diagrams are
drawn ahead as SVG (hooks/static_diagrams.py) and need nothing from a server.

The second build runs like the first: the same interpreter, the same
environment (`hooks.build_env.build_env`), `--strict`, the same
configuration file; it runs after the whole first build, both languages
(`on_shutdown`), so that its log follows the first build's.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from hooks.build_env import build_env
from hooks.downloads import reproducible_zip

ENV = "MKDOCS_OFFLINE"
"""Set to `true` (by this hook), the build is the offline copy's (mkdocs.yml)."""
ZIP = "downloads/site-offline.zip"
"""Where the offline copy is put in the site, relative to its root."""
FOLDER = "mp-data-exchange-docs"
"""The one top-level folder inside the zip."""
SHIM = "assets/javascripts/vendor/iframe-worker-1.0.4/shim.js"
"""The vendored Web Worker shim, relative to docs/ (and to the site root)."""

log = logging.getLogger(f"mkdocs.hooks.{Path(__file__).stem}")
_state: dict[str, object] = {}


def _left_out(path: Path) -> bool:
    """Files of the build the copy does without: source maps (for debugging), and
    the JSON search indexes, as from disk the index comes as a script
    (`search/search_index.js`)."""
    return path.suffix == ".map" or (path.parts[0] == "search" and path.suffix == ".json")


def offline_build() -> bool:
    """Whether this build is the offline copy's."""
    return os.environ.get(ENV, "").lower() in {"1", "true", "yes"}


def on_startup(*, command: str, dirty: bool) -> None:
    _state.clear()
    _state["command"] = command


@event_priority(-50)  # after Material's offline plugin (0) has added its polyfill
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # The first configuration is the default language's build, into the site root.
    _state.setdefault("site_dir", config.site_dir)
    _state.setdefault("config_file", config.config_file_path)
    # overrides/main.html leaves the link to the zip out of the zip itself.
    config.extra["offline_copy"] = {"zip": ZIP, "inside": offline_build()}
    polyfills = config.extra.get("polyfills") or []
    config.extra["polyfills"] = [SHIM if "iframe-worker" in str(p) else p for p in polyfills]
    return config


def on_shutdown() -> None:
    if _state.get("command") not in {"build", "gh-deploy"} or offline_build():
        return
    site_dir = Path(str(_state["site_dir"]))
    if not (site_dir / "index.html").is_file():
        return  # the first build failed: it has said why
    started = time.monotonic()
    config_file = Path(str(_state["config_file"]))
    with tempfile.TemporaryDirectory(prefix="offline-site-") as temporary:
        out = Path(temporary) / FOLDER
        build = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file)]
            + ["--site-dir", str(out)],
            cwd=config_file.parent,
            capture_output=True,
            text=True,
            check=False,
            env=build_env({ENV: "true"}),
        )
        if build.returncode != 0:
            raise PluginError(f"the offline copy does not build:\n{build.stdout}{build.stderr}")
        target = site_dir / ZIP
        target.parent.mkdir(parents=True, exist_ok=True)
        files = [p for p in out.rglob("*") if p.is_file() and not _left_out(p.relative_to(out))]
        entries = {p.relative_to(out.parent).as_posix(): p.read_bytes() for p in files}
        target.write_bytes(reproducible_zip(entries))
    log.info(
        f"offline copy: {ZIP}, {target.stat().st_size / 1e6:.1f} MB, "
        f"built in {time.monotonic() - started:.1f} s"
    )
