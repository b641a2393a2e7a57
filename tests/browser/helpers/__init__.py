"""What the browser tests share (the fixtures are in tests/browser/conftest.py).

* `site_pages`: every page of the site, with where it is built, its twin in
  the other language, its diagrams and annotation markers;
* `page_events`: what a page fetched and what went wrong, and waiting for
  what Material does after load (diagrams drawn, code blocks set up);
* `code_blocks`: Material's copy button on the verified programs;
* `link_checker`: LinkChecker on the served site;
* `chromium`: skip or fail when Chromium is missing.
"""
