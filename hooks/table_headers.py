"""Row headers for the tables whose top-left cell is empty.

A table that compares things row by row leaves its corner empty:

    |                   | `multiprocessing.Pool` | `ProcessPoolExecutor` |
    | ----------------- | ---------------------- | --------------------- |
    | Leaving `with`    | ...                    | ...                   |

Python-Markdown makes every body cell a `<td>`, so the labels of the first
column are not headers: a screen reader names a cell's column but not its row,
and Lighthouse (axe-core) reports `td-has-header` and `empty-table-header`.
Here such a table gets `<th scope="row">` for the first cell of each body row,
`scope="col"` on its column headers, and an empty `<td>` in the corner.
tests/browser/test_every_page.py checks every table of every page.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

_CORNERED_TABLE = re.compile(
    r"(?P<head><table>\s*<thead>\s*<tr>\s*)<th(?P<attrs>[^>]*)>\s*</th>(?P<rest>.*?</table>)",
    re.DOTALL,
)
_COLUMN_HEADER = re.compile(r"<th(?=[\s>])(?![^>]*\bscope=)")
_FIRST_CELL = re.compile(r"(<tr>\s*)<td(?P<attrs>[^>]*)>(?P<cell>.*?)</td>", re.DOTALL)


def _with_row_headers(table: re.Match) -> str:
    head, body = table["rest"].split("</thead>", 1)
    head = _COLUMN_HEADER.sub('<th scope="col"', head)
    body = _FIRST_CELL.sub(
        lambda cell: f'{cell[1]}<th scope="row"{cell["attrs"]}>{cell["cell"]}</th>', body
    )
    return f"{table['head']}<td{table['attrs']}></td>{head}</thead>{body}"


def with_row_headers(html: str) -> str:
    """`html` with row headers in every table whose header row starts empty."""
    return _CORNERED_TABLE.sub(_with_row_headers, html)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return with_row_headers(html)
