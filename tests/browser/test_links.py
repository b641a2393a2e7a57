"""LinkChecker over the served site: no broken link, no link to a missing anchor.

Two runs at once: a crawl of the whole site from its root (every page, script,
stylesheet and link, without anchors), and LinkChecker's AnchorCheck on every
link from one page to a #fragment of another.  Links within a page (its table
of contents, heading permalinks) are not given to AnchorCheck: it downloads and
parses the page again for every distinct #fragment, and every heading of every
page has one, so those would cost minutes; the strict build already checks
them (validation.anchors).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urldefrag, urljoin

import pytest

from devtools.built_site import parse_html
from devtools.local_server import serve
from hooks.site_map import url_of, url_path
from tests.browser.helpers.link_checker import LinkCheck
from tests.browser.helpers.site_pages import SITE_PAGES

pytestmark = pytest.mark.xdist_group("site-browser-links")


def links_to_anchors_elsewhere(site_dir: Path, base_url: str, pages: list[Path]) -> list[str]:
    """Links from `pages` to a #fragment of another page of the site, as absolute URLs."""
    found = set()
    for page in pages:
        url = base_url + url_of(page.relative_to(site_dir))
        for tag in parse_html(page.read_text(encoding="utf-8")):
            href = tag.attrs.get("href", "") if tag.name == "a" else ""
            target = urljoin(url, href)
            if "#" in href and target.startswith(base_url) and urldefrag(target)[0] != url:
                found.add(target)
    return sorted(found)


def test_no_broken_links_or_anchors(served, tmp_path) -> None:
    site = served.site
    anchored = links_to_anchors_elsewhere(site.dir, served.base_url, site.pages())
    crawl = LinkCheck([served.base_url], served.base_url, tmp_path / "crawl", anchors=False)
    anchors = LinkCheck(anchored, served.base_url, tmp_path / "anchors", anchors=True, recursion=0)
    crawl, anchors = crawl.report(), anchors.report()
    not_reached = {served.url(page.path) for page in SITE_PAGES} - crawl.checked
    assert not not_reached, f"the crawl missed pages: {sorted(not_reached)}\n{crawl.log}"
    assert len(anchored) > 10 and set(anchored) <= {row["url"] for row in anchors.rows}
    assert not crawl.broken + anchors.broken, "\n".join(crawl.broken + anchors.broken)
    assert crawl.returncode == anchors.returncode == 0, crawl.log + anchors.log


def test_link_check_finds_a_broken_link_and_anchor(served, tmp_path) -> None:
    """The check above can fail: a copy of the site with a link to a page that
    does not exist and one to a heading that does not exist fails both runs."""
    copy = tmp_path / "site"
    shutil.copytree(served.site.dir, copy)
    where = url_path("en", "queue")
    page = copy / where / "index.html"
    html = page.read_text(encoding="utf-8")
    broken = (
        '<p><a href="../no-such-page/">gone</a> <a href="../pipe/#no-such-heading">gone</a></p>'
    )
    page.write_text(html.replace("</article>", broken + "</article>", 1), encoding="utf-8")
    with serve(copy) as base_url:
        start = base_url + where
        # The page and what it links to, not the whole site again.
        crawl = LinkCheck([start], base_url, tmp_path / "crawl", anchors=False, recursion=1)
        anchored = links_to_anchors_elsewhere(copy, base_url, [page])
        anchors = LinkCheck(anchored, base_url, tmp_path / "anchors", anchors=True, recursion=0)
        crawl, anchors = crawl.report(), anchors.report()
    assert crawl.returncode == 1 and anchors.returncode == 1
    assert [line for line in crawl.broken if "/en/no-such-page/" in line], crawl.broken
    assert [line for line in anchors.broken if "#no-such-heading" in line], anchors.broken
    assert not [line for line in crawl.broken + anchors.broken if "no-such" not in line]
