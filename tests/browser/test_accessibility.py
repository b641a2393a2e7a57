"""axe-core on the pages that devtools/site_speed/ measures with Lighthouse, in
each language: the home page, a topic page with comparison tables, a page with
a diagram and the benchmark page.  Nothing may be found, of any impact: a minor
finding (the role a script once gave the download links) costs Lighthouse points.

Every code block is scrolled into view first: Material adds the copy buttons
and annotation markers as blocks near the viewport, and these are checked too.

Each audit's full result (every violation, by impact) is written to
test-artifacts/axe/ and attached to the test report as properties.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from devtools.site_speed import PAGES
from hooks.site_map import LANGUAGES, url_path
from tests.browser.helpers.page_events import mount_code_blocks, wait_for_diagrams
from verifier.catalog import REPO_ROOT

pytestmark = pytest.mark.xdist_group("site-browser-accessibility")

AUDITED = [
    (language, name, scheme)
    for language in LANGUAGES
    for name in PAGES.values()
    for scheme in ("light", "dark")
]
"""Each page in Material's light and dark scheme: contrast differs between them."""
REPORTS = REPO_ROOT / "test-artifacts" / "axe"


def audit(page: Page) -> list[dict]:
    """axe-core's violations on the page as it is now."""
    return Axe().run(page).response["violations"]


def summary(violations: list[dict]) -> list[str]:
    return [
        f"{v['impact']}: {v['id']} ({len(v['nodes'])} elements) {v['help']}: "
        + ", ".join(str(node["target"]) for node in v["nodes"][:5])
        for v in violations
    ]


@pytest.mark.parametrize(("language", "name", "scheme"), AUDITED)
def test_no_serious_accessibility_violations(
    page: Page, served, language: str, name: str, scheme: str, record_property
) -> None:
    # The palette follows the reader's system setting (mkdocs.yml) on a first visit.
    page.emulate_media(color_scheme=scheme)
    page.goto(served.url(url_path(language, name)))
    expect(page.locator("body")).to_have_attribute(
        "data-md-color-scheme", "slate" if scheme == "dark" else "default"
    )
    wait_for_diagrams(page)
    mount_code_blocks(page)
    violations = audit(page)
    by_impact = Counter(v["impact"] for v in violations)
    for impact in ("critical", "serious", "moderate", "minor"):
        record_property(f"axe_{impact}", by_impact[impact])
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / f"{language}-{name}-{scheme}.json").write_text(
        json.dumps({"by_impact": by_impact, "violations": summary(violations)}, indent=2),
        encoding="utf-8",
    )
    assert not violations, "\n".join(summary(violations))


def test_axe_finds_violations_of_every_impact(page: Page) -> None:
    """The check above can fail: an unnamed button and an unlabelled field
    (critical), two unnamed navigation landmarks (moderate), and a link given
    role=none, as a script once did to the download links (minor), are found."""
    page.set_content(
        '<html lang="en"><body><main><button></button><input>'
        "<nav><a href=#a>a</a></nav><nav><a href=#b>b</a></nav>"
        '<a href=#c role=none aria-label="c">c</a></main></body></html>'
    )
    found = {v["id"]: v["impact"] for v in audit(page)}
    assert {"button-name", "label", "landmark-unique", "aria-allowed-role"} <= found.keys(), found
    assert {"critical", "moderate", "minor"} <= set(found.values()), found
