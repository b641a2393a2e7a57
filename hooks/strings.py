"""The site's interface words, one file per language: `hooks/assets/strings/<language>.yml`.

As Material for MkDocs keeps its own words in one table per language
(`partials/languages/<language>.html`), the words this site adds around its
pages (links, marks, charts, the theme's overrides, the footer) live in one
file per language, with the same keys in every file, so that a translator
works through one file and a missing word is caught before a build
(tests/test_strings.py).  Not a hook: the hooks call `strings(language)`, the
templates read the Jinja global `strings` (set by hooks/i18n_fixes.py for the
language being built), and accessible-names.js keeps its one word as a literal
that the tests compare with these files.

The values are read as they are (YAML strings); placeholders `{}` and
`{name}` are filled in with `str.format` by whoever uses them.  A key never
takes the name of a `dict` method (`items`, `copy`): Jinja's `strings.items`
would find the method, not the word.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from hooks.site_map import LANGUAGES

FOLDER = Path(__file__).resolve().parent / "assets" / "strings"
"""Where the files are: `<language>.yml` for each of `hooks.site_map.LANGUAGES`."""


def path(language: str) -> Path:
    """The file of `language`'s words."""
    return FOLDER / f"{language}.yml"


@cache
def strings(language: str) -> dict:
    """The interface words of `language`, as nested dictionaries (`"bench"`
    -> `"size"` -> `"负载大小"`); read once per process.  Treat as read-only:
    every caller shares it."""
    if language not in LANGUAGES:
        raise KeyError(f"no interface words for {language!r}; the site has {LANGUAGES}")
    with open(path(language), encoding="utf-8") as file:
        return yaml.safe_load(file)
