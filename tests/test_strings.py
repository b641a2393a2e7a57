"""The interface words, one file per language (hooks/strings.py): every
language has every word, and every word the hooks, the templates and the
scripts use is there.  A missing word would otherwise show up only as a
KeyError in one language's build, or, in a template, as nothing at all."""

from __future__ import annotations

import json
import re

import pytest

from hooks.site_map import DEFAULT_LANGUAGE, LANGUAGES
from hooks.strings import path, strings
from verifier.catalog import REPO_ROOT


def _leaves(words: dict, prefix: str = "") -> dict[str, object]:
    """Every value by its dotted key: `bench.size` -> `负载大小`."""
    found = {}
    for key, value in words.items():
        if isinstance(value, dict):
            found.update(_leaves(value, f"{prefix}{key}."))
        else:
            found[f"{prefix}{key}"] = value
    return found


def _lookup(language: str, dotted: str) -> object:
    value: object = strings(language)
    for key in dotted.split("."):
        if not isinstance(value, dict) or key not in value:
            raise KeyError(f"{language}: no {dotted} in {path(language).name}")
        value = value[key]
    return value


def test_every_language_has_the_same_words() -> None:
    wanted = set(_leaves(strings(DEFAULT_LANGUAGE)))
    for language in LANGUAGES:
        assert path(language).is_file(), f"no {path(language)}"
        keys = set(_leaves(strings(language)))
        missing, extra = sorted(wanted - keys), sorted(keys - wanted)
        assert not missing and not extra, f"{language}: missing {missing}, extra {extra}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_word_is_empty(language: str) -> None:
    empty = [
        key
        for key, value in _leaves(strings(language)).items()
        if not isinstance(value, str) or not value.strip()
    ]
    assert not empty, f"{language}: empty or not text: {empty}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_key_is_a_dict_method(language: str) -> None:
    # Jinja's `strings.items` would find dict.items, not the word.
    shadowed = [
        key
        for key in _leaves(strings(language))
        if any(hasattr(dict, part) for part in key.split("."))
    ]
    assert not shadowed, f"{language}: keys named like dict methods: {shadowed}"


# `strings.template.made_with` in a template, up to a method call (`.format`).
_TEMPLATE_USE = re.compile(r"(?<![/.\w])strings((?:\.[a-z_]\w*)+)")


def test_every_word_a_template_uses_exists() -> None:
    used = set()
    for template in sorted((REPO_ROOT / "overrides").rglob("*.html")):
        for match in _TEMPLATE_USE.finditer(template.read_text(encoding="utf-8")):
            dotted = match[1].lstrip(".").removesuffix(".format")
            used.add((template.name, dotted))
    assert used, "no template uses the interface words"
    for language in LANGUAGES:
        for template, dotted in sorted(used):
            assert isinstance(_lookup(language, dotted), str), f"{template}: {dotted} is no word"


# In the hooks: `strings(language)["bench"]["size"]`, or a section by name,
# `words = strings(language)["downloads"]`, then `words["zip"]`.
_DIRECT = re.compile(r"""\bstrings\(\w+\)((?:\[["']\w+["']\])+)""")
_SECTION = re.compile(r"""^\s*(\w+) = strings\(\w+\)\[["'](\w+)["']\]\s*(?:#.*)?$""", re.MULTILINE)
# page_report's `word("size", language)`: section `bench`, or punctuation.
_WORD = re.compile(r"""\bword\(["'](\w+)["']""")


def _hook_uses() -> set[tuple[str, str]]:
    from hooks.bench_render import page_report

    used = set()
    for source in sorted((REPO_ROOT / "hooks").rglob("*.py")):
        text = source.read_text(encoding="utf-8")
        for match in _DIRECT.finditer(text):
            used.add((source.name, ".".join(re.findall(r"\w+", match[1]))))
        for variable, section in _SECTION.findall(text):
            for key in re.findall(rf"""\b{variable}\[["'](\w+)["']\]""", text):
                used.add((source.name, f"{section}.{key}"))
        for key in _WORD.findall(text):
            punctuation = page_report._PUNCTUATION.get(key)
            used.add((source.name, f"punctuation.{punctuation}" if punctuation else f"bench.{key}"))
    return used


def test_every_word_a_hook_uses_exists() -> None:
    used = _hook_uses()
    assert {file for file, _ in used} >= {
        "verified_marks.py",
        "downloads.py",
        "page_report.py",
        "page_markdown.py",
        "i18n_fixes.py",
    }
    for language in LANGUAGES:
        for file, dotted in sorted(used):
            assert _lookup(language, dotted), f"{file}: {dotted}"  # raises if it is missing


def test_the_annotation_script_says_the_words_of_the_files() -> None:
    """accessible-names.js names code annotation markers in the page's
    language with a literal (no request, no change to every page's HTML):
    the literal must be `script.annotation` of the files."""
    script = (REPO_ROOT / "docs/assets/javascripts/accessible-names.js").read_text(encoding="utf-8")
    zh, en = (
        json.dumps(strings(lang)["script"]["annotation"].format(""), ensure_ascii=False)
        for lang in ("zh", "en")
    )
    line = f'var annotation = document.documentElement.lang === "zh" ? {zh} : {en};'
    assert line in script, f"accessible-names.js does not say: {line}"
    assert set(LANGUAGES) == {"zh", "en"}, "the script knows Chinese and English only"
