"""The public API that no program on the site uses, and why: a table on the
contributing page, in the page's language, from `docs/_includes/api-allow-list.yml`.

tests/test_api_coverage.py reads every public name of the modules the site
teaches from the interpreters that run the examples, and fails on a name that
no verified program uses unless this list gives a reason; the contributing page
shows the list (the line `<!-- api allow-list -->` is replaced by the table), so
that a reader sees what is left out and why.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from hooks.site_map import language_if_page
from hooks.strings import strings

FILE = Path("docs") / "_includes" / "api-allow-list.yml"
"""The list, relative to the repository root: items `{api, zh, en}`."""
PLACEHOLDER = "<!-- api allow-list -->"
PAGE = "contributing/verification"


def load(root: Path) -> list[dict[str, str]]:
    return yaml.safe_load((root / FILE).read_text(encoding="utf-8"))


def render(root: Path, language: str) -> str:
    words = strings(language)["api_allow_list"]
    rows = [f"| {words['api']} | {words['reason']} |", "| --- | --- |"]
    rows += [f"| `{item['api']}` | {item[language]} |" for item in load(root)]
    return "\n".join(rows)


def on_page_markdown(markdown: str, *, page, config, files) -> str:
    language = language_if_page(page.file.src_uri, PAGE)
    root = Path(config.config_file_path).resolve().parent
    return markdown.replace(PLACEHOLDER, render(root, language)) if language else markdown
