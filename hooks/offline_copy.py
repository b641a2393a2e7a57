"""An offline copy of the whole site, as a zip that the site itself offers.

Some readers sit behind networks that block foreign hosts, or want the pages
on a train.  So the site's own build builds the site a second time with
Material's `offline` plugin turned on (`MKDOCS_OFFLINE=true`, see mkdocs.yml)
and puts the result, zipped, at `downloads/site-offline.zip` in the site being
built: one folder, `mp-data-exchange-docs/`, with the Chinese home page at its
`index.html` and the English site below `en/`, to be opened straight from disk
(`file://`).

The second build doubles the time of a build, so it is made only where it is
asked for: `mkdocs build` (or `gh-deploy`) with `MKDOCS_OFFLINE_COPY=1` in its
environment (`1`, `true` or `yes`), as `python3 dev.py build` and the
publishing workflow (.github/workflows/pages.yml) run it.  Every other build
(the tests' plain `mkdocs build`, `dev.py serve`) puts a placeholder of a few
hundred bytes at that place instead, so that the home page's link still
works: a zip whose `mp-data-exchange-docs/index.html` says, in both languages,
that the offline copy is built by `python3 dev.py build`.  The browser test of
the copy (tests/browser/test_offline_copy.py) builds it alone, with
`build_copy`, as this hook does.

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
from mkdocs.structure.files import File, Files

from hooks.archives import reproducible_zip
from hooks.build_env import build_env

ENV = "MKDOCS_OFFLINE"
"""Set to `true` (by this hook), the build is the offline copy's (mkdocs.yml)."""
COPY_ENV = "MKDOCS_OFFLINE_COPY"
"""Set to `1` for `mkdocs build`, the build makes the offline copy too."""
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


def copy_wanted() -> bool:
    """Whether this build is asked to make the offline copy (`MKDOCS_OFFLINE_COPY`)."""
    return os.environ.get(COPY_ENV, "").lower() in {"1", "true", "yes"}


def _makes_copy() -> bool:
    """Whether this build makes the offline copy once it is done (`on_shutdown`)."""
    return _state.get("command") in {"build", "gh-deploy"} and copy_wanted() and not offline_build()


PLACEHOLDER = """<!doctype html>
<html lang="zh">
<meta charset="utf-8">
<title>离线版没有构建 · The offline copy was not built</title>
<p>离线版由 <code>python3 dev.py build</code> 构建。这个站点是
<code>python3 dev.py serve</code>（或未设置 <code>MKDOCS_OFFLINE_COPY=1</code> 的
<code>mkdocs build</code>）生成的，这种构建不包含离线版，所以压缩包里只有这一页说明。</p>
<p lang="en">The offline copy is built by <code>python3 dev.py build</code>. This site
was made by <code>python3 dev.py serve</code> (or by <code>mkdocs build</code> without
<code>MKDOCS_OFFLINE_COPY=1</code>), which leaves the offline copy out, so this page
is all the zip holds.</p>
</html>
"""
"""The one page of the placeholder zip, where the copy's home page would be."""


def placeholder() -> bytes:
    """The zip put where the offline copy goes when this build does not make it."""
    return reproducible_zip({f"{FOLDER}/index.html": PLACEHOLDER.encode()})


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


# After the i18n plugin has sorted the files into languages: it reads every
# file's source path, and a generated file has none.
@event_priority(-100)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if not offline_build() and not _makes_copy():
        files.append(File.generated(config, ZIP, content=placeholder()))
    return files


def on_shutdown() -> None:
    if not _makes_copy():
        return
    site_dir = Path(str(_state["site_dir"]))
    if not (site_dir / "index.html").is_file():
        return  # the first build failed: it has said why
    started = time.monotonic()
    target = site_dir / ZIP
    build_copy(Path(str(_state["config_file"])), target)
    log.info(
        f"offline copy: {ZIP}, {target.stat().st_size / 1e6:.1f} MB, "
        f"built in {time.monotonic() - started:.1f} s"
    )


def build_copy(config_file: Path, target: Path) -> None:
    """Build the offline copy of the site that `config_file` configures and write
    it, zipped, to `target`."""
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
        target.parent.mkdir(parents=True, exist_ok=True)
        files = [p for p in out.rglob("*") if p.is_file() and not _left_out(p.relative_to(out))]
        entries = {p.relative_to(out.parent).as_posix(): p.read_bytes() for p in files}
        target.write_bytes(reproducible_zip(entries))
