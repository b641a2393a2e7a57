"""Lighthouse on the built site (`python -m devtools.site_speed.measure`, `dev.py site-speed`).

Lighthouse is pinned in package.json and package-lock.json here and installed
by `npm ci` into node_modules/ beside them on first use; only this tool needs node.
"""

PAGES = {"home": "index", "topic": "pools", "diagrams": "queue", "benchmark": "performance"}
"""One page of each type (`docs/<language>/<page>.md`): the home page, a topic
page with comparison tables, a page with diagrams, the benchmark page.  Lighthouse
measures these, and tests/browser/test_accessibility.py audits them with axe-core."""
