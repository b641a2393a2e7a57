"""Copying a program with annotations gives no trailing spaces.

Material turns a `# (1)!` comment into an annotation marker and hides the
marker while its copy button reads the code block, but the spaces between the
code and the comment are plain text: `q.put(x)  # (1)!` would be copied as
`q.put(x)  `.  This hook wraps those spaces in a span that site.css hides while
Material copies (`[data-md-copying]`), so the page looks the same and the
clipboard holds the code without trailing whitespace.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# Spaces, bare or in Pygments' whitespace span, then a comment span that
# Material replaces entirely: its class is one Material searches for markers
# (.c, .c1, .cm) and its text has a `(N)!` marker.
_SPACE_BEFORE_MARKER = re.compile(
    r'(?:<span class="w">(?P<w>[ \t]+)</span>|(?P<t>[ \t]+))'
    r'(?P<comment><span class="(?:c|c1|cm)">[^<]*\(\d+\)![^<]*</span>)'
)


def _wrap(match: re.Match) -> str:
    space = match.group("w") or match.group("t")
    return f'<span class="annotation-space">{space}</span>{match.group("comment")}'


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _SPACE_BEFORE_MARKER.sub(_wrap, html)
