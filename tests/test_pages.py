"""Pages are well formed, the languages match, and every example is shown."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from hooks.site_map import LANGUAGES
from verifier.catalog import REPO_ROOT, Catalog, site_catalog
from verifier.pages import Page, parse_page, shown_files

PAGES = sorted(site_catalog().pages, key=lambda p: p.path)


@pytest.mark.parametrize("page", PAGES, ids=[p.path.as_posix() for p in PAGES])
def test_page_blocks_are_all_verified_or_marked(page) -> None:
    """No code block escapes verification: each one is a program, its output, or
    explicitly `.not-runnable`; every program shows its output."""
    assert not page.problems, "\n".join(page.problems)


def _page_names(language: str) -> set[str]:
    folder = REPO_ROOT / "docs" / language
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")}


def test_every_page_exists_in_every_language() -> None:
    names = {language: _page_names(language) for language in LANGUAGES}
    every = set.union(*names.values())
    missing = {language: sorted(every - found) for language, found in names.items()}
    assert not any(missing.values()), f"pages missing per language: {missing}"


PRESENTATION = {"title", "hl_lines", "linenums"}
"""Program fence settings that change only how the code is shown, not what runs."""


def _shown(language: str, name: str) -> list[tuple]:
    """Everything one page declares about what runs and what it prints: each
    program, with the settings of its fence that change its runs (where it runs,
    the files it needs next to it, the programs it needs on PATH, and any other
    setting but the presentational ones), and its output blocks."""
    path = Path("docs", language, name)
    return _declared(next(p for p in site_catalog().pages if p.path == path))


def _declared(page: Page) -> list[tuple]:
    """`_shown` of a parsed page, so that a test can plant a difference in one."""
    return [
        (
            example.file,
            {
                **{k: v for k, v in example.fence.attrs.items() if k not in PRESENTATION},
                "data-platforms": example.platforms,
                "data-files": [file for file, _ in example.files],
                "data-needs": example.needs,
            },
            [
                (b.stream, b.methods, b.python, b.stdout_kind, b.exit_code, b.wildcard, b.text)
                for b in example.outputs
            ],
        )
        for example in page.examples
    ]


def _what(shown: tuple | None, other: tuple | None) -> str:
    """The part of one language's declaration of an example that the other's lacks."""
    if shown is None:
        return "no example here"
    if other is None or shown[0] != other[0]:
        return shown[0]
    settings = {k: v for k, v in shown[1].items() if other[1].get(k) != v}
    return f"settings {settings}" if settings else f"outputs {shown[2]}"


def _differences(first: str, mine: list[tuple], other: str, theirs: list[tuple]) -> list[str]:
    """One line per place where two languages' declarations of a page differ."""
    return [
        f"{(a or b)[0]}: {first} shows {_what(a, b)}, {other} shows {_what(b, a)}"
        for a, b in itertools.zip_longest(mine, theirs)
        if a != b
    ]


@pytest.mark.parametrize("name", sorted(set.intersection(*map(_page_names, LANGUAGES))))
def test_translations_show_the_same_examples_in_the_same_order(name: str) -> None:
    first, *others = LANGUAGES
    for other in others:
        differences = _differences(first, _shown(first, name), other, _shown(other, name))
        assert not differences, (
            f"{first} and {other} differ (examples, order, fence settings or outputs):\n"
            + "\n".join(differences)
        )


_NODE = '--8<-- "examples/languages/jsonl_node.py"'
_BATCH = '--8<-- "examples/languages/jsonl_batch.py"'
PLANTED = {
    "data-platforms": ('title="shm_reader.py" data-platforms="linux"', 'title="shm_reader.py"'),
    "data-files": ('title="jsonl_node.py" data-files="upper.js"', 'title="jsonl_node.py"'),
    "data-needs": ('data-files="upper.js" data-needs="node" }', 'data-files="upper.js" }'),
    "outputs": ("node exit code: 0", "node exit code: 1"),
    "jsonl_batch.py": (f"{_NODE}\n", f"{_BATCH}\n"),  # jsonl_batch.py shown twice
}
"""Differences planted in the English page on other languages, each with a word
that the failure message must name."""


@pytest.mark.parametrize("named", PLANTED)
def test_translations_show_the_same_examples_in_the_same_order_finds(named: str) -> None:
    """The check above fails on a translation whose fence or output differs."""
    path = Path("docs", "en", "languages.md")
    text = (REPO_ROOT / path).read_text(encoding="utf-8")
    before, after = PLANTED[named]
    assert before in text, f"{path} no longer contains {before!r}: plant another difference"
    planted = _declared(parse_page(text.replace(before, after, 1), path, REPO_ROOT))
    assert not _differences("zh", _shown("zh", "languages.md"), "en", _shown("en", path.name))
    differences = _differences("zh", _shown("zh", "languages.md"), "en", planted)
    assert differences and named in "\n".join(differences), differences


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_example_file_is_shown_on_a_page(language: str) -> None:
    files = {p.relative_to(REPO_ROOT).as_posix() for p in (REPO_ROOT / "examples").rglob("*.py")}
    missing = _not_shown(files, site_catalog(), language)
    assert not missing, f"not shown on any {language} page: {missing}"


def _not_shown(files: set[str], catalog: Catalog, language: str) -> list[str]:
    """The example files that no page of `language` shows, as a program or as a
    file a program needs (`data-files`, such as a test module for pytest)."""
    needed = {
        file
        for page in catalog.pages
        if page.path.parts[1:2] == (language,)
        for file in shown_files(page).values()
    }
    return sorted(files - catalog.examples_on(language) - needed)


def test_every_example_file_is_shown_on_a_page_finds() -> None:
    """A program nobody includes, and the programs of a page left out of a language."""
    catalog = site_catalog()
    files = {"examples/queue/forgotten.py", *catalog.examples_on("en")}
    assert _not_shown(files, catalog, "en") == ["examples/queue/forgotten.py"]
    without = Catalog([p for p in catalog.pages if p.path != Path("docs/en/pipe.md")], [])
    assert "examples/pipe/send_recv.py" in _not_shown(files, without, "en")
    assert "examples/pipe/send_recv.py" not in _not_shown(files, without, "zh")
    modules = {"examples/pipeline/pipeline.py", *files}
    assert "examples/pipeline/pipeline.py" not in _not_shown(modules, catalog, "en")
