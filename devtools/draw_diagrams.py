"""Draw every Mermaid diagram of the site ahead of time, into hooks/assets/diagrams/.

    python3 dev.py diagrams        (python -m devtools.draw_diagrams)

Builds the site with every diagram left to Mermaid, opens each page that has
one in Chromium (Playwright and Debian's /usr/bin/chromium, as the browser
tests do), records what the vendored Mermaid draws for each source, and
rewrites hooks/assets/diagrams/: one SVG per diagram, named as
hooks/static_diagrams.py looks it up, and none for a diagram that is gone.
Run it after changing a diagram; tests/browser/test_every_page.py fails until then.

A drawing wider than about 500 px is scaled down to fit a phone's content column
(343 px at a 375-px screen), and its 16-px labels with it: tests/test_diagrams.py
fails when any label would come out under 11 px.  Draw such a diagram top to
bottom (`flowchart TB`) and break its long labels with `<br/>`.
"""

from __future__ import annotations

import argparse
import html
import json
import sys
import tempfile
from pathlib import Path

from devtools.built_site import build_site
from devtools.chromium import CHROMIUM, LAUNCH_ARGS
from devtools.local_server import serve
from hooks import static_diagrams
from verifier.catalog import REPO_ROOT

# Installed before the page's scripts: records what Mermaid draws for each
# source, through the `mermaid` object of mermaid-on-demand.js, under the id
# the drawing will be kept by.
_RECORD = """(ids) => {
    window.__drawn = [];
    let stand_in;
    Object.defineProperty(window, "mermaid", {
        configurable: true,
        get: () => stand_in,
        set(value) {
            const render = value.render;
            value.render = async (id, source) => {
                const result = await render(ids[source] || id, source);
                window.__drawn.push({source, id: ids[source] || id, svg: result.svg});
                return result;
            };
            stand_in = value;
        },
    });
    document.addEventListener("DOMContentLoaded", () => {
        const style = document.createElement("style");
        style.textContent =
            ':root > body { --md-mermaid-font-family: "DejaVu Sans", sans-serif !important; }';
        document.head.append(style);
    });
}"""

_DRAW_ALL = """async () => {
    const frame = () => new Promise(requestAnimationFrame);
    for (let left; (left = document.querySelectorAll("pre.mermaid")).length; ) {
        left[0].scrollIntoView({block: "center"});
        const deadline = performance.now() + 30000;
        while (left[0].isConnected && performance.now() < deadline) await frame();
        if (left[0].isConnected) throw new Error("Mermaid drew nothing in 30 s");
    }
    return window.__drawn;
}"""


def build_undrawn(site: Path) -> dict[Path, list[str]]:
    """Build the site into `site` with every diagram left to Mermaid; returns
    the diagram sources of each page that has any."""
    print("building the site with every diagram left to Mermaid ...", flush=True)
    built = build_site(site, {static_diagrams.DISABLE_ENV: "off"})
    if built.returncode != 0:
        raise SystemExit(f"the site does not build:\n{built.log}")
    pages = {
        path: [html.unescape(s) for s in static_diagrams.BLOCK.findall(path.read_text("utf-8"))]
        for path in built.pages()
    }
    return {path: sources for path, sources in pages.items() if sources}


def draw(site: Path, pages: dict[Path, list[str]]) -> dict[str, str]:
    """Drawing id -> SVG, for every diagram of `pages`, drawn by Mermaid in Chromium."""
    from playwright.sync_api import sync_playwright

    drawn: dict[str, str] = {}
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        for path, sources in pages.items():
            page = browser.new_page()
            ids = {source: static_diagrams.diagram_id(source) for source in sources}
            page.add_init_script(f"({_RECORD})({json.dumps(ids, ensure_ascii=False)})")
            where = path.relative_to(site).as_posix()
            page.goto(base + where)
            for result in page.evaluate(_DRAW_ALL):
                drawn[result["id"]] = result["svg"]
            print(f"  {where}: {len(sources)} diagram(s)", flush=True)
            page.close()
        browser.close()
    return drawn


def keep(drawn: dict[str, str], folder: Path = static_diagrams.DIAGRAMS) -> None:
    """Make `folder` hold exactly the drawings of `drawn`."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.svg"):
        if old.stem not in drawn:
            old.unlink()
            print(f"removed {old.name}")
    for name, svg in sorted(drawn.items()):
        path = folder / f"{name}.svg"
        if not path.is_file() or path.read_text(encoding="utf-8") != svg + "\n":
            path.write_text(svg + "\n", encoding="utf-8")
            print(f"wrote {path.relative_to(REPO_ROOT)}")
    print(f"{len(drawn)} drawing(s) in {folder.relative_to(REPO_ROOT)}")


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(
        prog="python -m devtools.draw_diagrams", description=__doc__.split("\n\n")[0]
    ).parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        site = Path(temporary) / "site"
        keep(draw(site, build_undrawn(site)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
