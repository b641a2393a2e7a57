"""No broken link, no link to a missing anchor, on the served site.

LinkChecker crawls the whole site from its root (every page, script,
stylesheet and link).  The #fragments of links from one page to another are
checked here, against the ids of the built target page: LinkChecker's
AnchorCheck downloads and parses the target again for every distinct
#fragment (125 links took 43 s of CPU, against well under a second here, and
the count grows with every cross-reference).  Links within a page (its table
of contents, heading permalinks) are checked by the strict build
(validation.anchors).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import pytest

from devtools.built_site import parse_html
from devtools.local_server import serve
from hooks.site_map import url_of, url_path
from tests.browser.helpers.link_checker import LinkCheck
from tests.browser.helpers.site_pages import SITE_PAGES

pytestmark = pytest.mark.xdist_group("site-browser-links")


def links_to_anchors_elsewhere(site_dir: Path, pages: list[Path]) -> dict[str, list[str]]:
    """Links from `pages` to a #fragment of another page of the site: the
    target's URL path (from the site root) with its fragment -> the pages that
    link there."""
    found: dict[str, list[str]] = {}
    for page in pages:
        url = url_of(page.relative_to(site_dir))
        for tag in parse_html(page.read_text(encoding="utf-8")):
            href = tag.attrs.get("href", "") if tag.name == "a" else ""
            target = urljoin("/" + url, href)
            if "#" in href and not urlsplit(href).scheme and urldefrag(target)[0] != "/" + url:
                found.setdefault(target.removeprefix("/"), []).append(url)
    return found


def missing_anchors(site_dir: Path, links: dict[str, list[str]]) -> list[str]:
    """The links of `links` whose target page has no element with that id."""
    ids: dict[str, set[str]] = {}
    missing = []
    for target, sources in sorted(links.items()):
        path, fragment = urldefrag(target)
        if path not in ids:
            built = (
                site_dir / path / "index.html"
                if not path or path.endswith("/")
                else site_dir / path
            )
            tags = parse_html(built.read_text(encoding="utf-8")) if built.is_file() else []
            ids[path] = {tag.attrs["id"] for tag in tags if tag.attrs.get("id")}
        if unquote(fragment) not in ids[path]:
            missing.append(
                f"/{target} (linked from {', '.join('/' + s for s in sources)}): no such id"
            )
    return missing


def test_no_broken_links_or_anchors(served, tmp_path) -> None:
    site = served.site
    crawl = LinkCheck([served.base_url], served.base_url, tmp_path / "crawl")
    anchored = links_to_anchors_elsewhere(site.dir, site.pages())
    missing = missing_anchors(site.dir, anchored)
    crawl = crawl.report()
    not_reached = {served.url(page.path) for page in SITE_PAGES} - crawl.checked
    assert not not_reached, f"the crawl missed pages: {sorted(not_reached)}\n{crawl.log}"
    assert len(anchored) > 10, anchored
    assert not crawl.broken + missing, "\n".join(crawl.broken + missing)
    assert crawl.returncode == 0, crawl.log


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
        crawl = LinkCheck([start], base_url, tmp_path / "crawl", recursion=1)
        crawl = crawl.report()
    missing = missing_anchors(copy, links_to_anchors_elsewhere(copy, [page]))
    assert crawl.returncode == 1
    assert [line for line in crawl.broken if "/en/no-such-page/" in line], crawl.broken
    assert missing == [
        f"/{url_path('en', 'pipe')}#no-such-heading (linked from /{where}): no such id"
    ]
    assert not [line for line in crawl.broken if "no-such" not in line]
