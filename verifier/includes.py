"""Expand `--8<--` includes (pymdownx.snippets) exactly as the site build does.

The expansion is done by pymdownx.snippets itself, configured from the
`pymdownx.snippets` entry of mkdocs.yml, so the code checked is the code the
page shows, and a missing file fails here as it fails the build.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import markdown
from mkdocs.utils import yaml_load


def snippets_config(mkdocs_yml: Path) -> dict:
    """The `pymdownx.snippets` options of `mkdocs_yml`, with absolute base paths."""
    with mkdocs_yml.open(encoding="utf-8") as stream:
        config = yaml_load(stream)
    for entry in config.get("markdown_extensions", []):
        if isinstance(entry, dict) and "pymdownx.snippets" in entry:
            options = dict(entry["pymdownx.snippets"] or {})
            break
    else:
        raise LookupError(f"{mkdocs_yml} does not enable pymdownx.snippets")
    base = options.get("base_path", ["."])
    base = [base] if isinstance(base, str) else base
    # The build runs from the repository root; resolve from there, not from
    # wherever pytest happens to be started.
    options["base_path"] = [str((mkdocs_yml.parent / p).resolve()) for p in base]
    return options


@cache
def _preprocessor(mkdocs_yml: Path):
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": snippets_config(mkdocs_yml)},
    )
    return md.preprocessors["snippet"]


def expand(text: str, mkdocs_yml: Path) -> str:
    """Return `text` with every `--8<--` include replaced by the file it names."""
    lines = _preprocessor(mkdocs_yml.resolve()).run(text.splitlines())
    return "".join(line + "\n" for line in lines)
