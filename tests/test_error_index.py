"""The error index (hooks/error_index.py) is complete and true: every entry of
docs/_includes/errors.yml is on the pages of every language, every error line
and exit status of a verified output has an entry, and the headings' ids are
distinct.  The build fails on the same problems; this says so without a build."""

from __future__ import annotations

from pathlib import Path

from hooks import error_index
from hooks.site_map import LANGUAGES
from verifier.catalog import REPO_ROOT


def test_the_error_index_is_complete() -> None:
    problems = error_index.problems(REPO_ROOT)
    assert not problems, "\n".join(problems)


def test_every_entry_has_a_cause_in_every_language() -> None:
    entries = error_index.load(REPO_ROOT)
    assert len(entries) >= 40
    empty = [(e.text, lang) for e in entries for lang in LANGUAGES if not e.cause[lang].strip()]
    assert not empty, empty


def _site(root: Path, registry: str, output: str) -> Path:
    """A site of one page per language that shows one program and its output."""
    (root / "mkdocs.yml").write_text(
        'markdown_extensions:\n  - pymdownx.snippets:\n      base_path: ["."]\n',
        encoding="utf-8",
    )
    (root / "examples" / "page").mkdir(parents=True)
    (root / "examples" / "page" / "prog.py").write_text("print('hi')\n", encoding="utf-8")
    for language in LANGUAGES:
        folder = root / "docs" / language
        folder.mkdir(parents=True)
        (folder / "page.md").write_text(
            "# Page { #page }\n\n## Where it fails { #fails }\n\n"
            '```python title="prog.py"\n--8<-- "examples/page/prog.py"\n```\n\n'
            f'``` {{ .output data-exit="1" }}\n{output}\n```\n',
            encoding="utf-8",
        )
    (root / error_index.REGISTRY).parent.mkdir(parents=True, exist_ok=True)
    (root / error_index.REGISTRY).write_text(registry, encoding="utf-8")
    return root


def _entry(text: str, find: str = "") -> str:
    causes = "".join(f"  {lang}: cause\n" for lang in LANGUAGES)
    return f'- text: "{text}"\n{causes}' + (f"  find: ['{find}']\n" if find else "")


def test_what_is_missing_from_the_index_is_reported(tmp_path: Path) -> None:
    """The checks above can fail: an entry no page holds, an error line and an
    exit status no entry covers, each in every language."""
    registry = _entry("KeyError: 'gone'")
    root = _site(tmp_path, registry, "ValueError: boom")
    problems = "\n".join(error_index.problems(root))
    for language in LANGUAGES:
        assert f"\"KeyError: 'gone'\" is on no page of docs/{language}/" in problems, problems
        assert f"docs/{language}/page.md:9: ValueError: boom" in problems, problems
        assert f"docs/{language}/page.md:9: exit status 1" in problems, problems


def test_a_complete_index_links_each_entry_to_its_section(tmp_path: Path) -> None:
    registry = _entry("ValueError: boom") + _entry("exit status 1", 'data-exit="1"')
    root = _site(tmp_path, registry, "ValueError: boom")
    assert error_index.problems(root) == []
    markdown = error_index.render(root, "en", {"shown_in": "Shown in:", "separator": "; "})
    assert "### `ValueError: boom` { #valueerror-boom }" in markdown
    assert "Shown in: [Page › Where it fails](page.md#fails)" in markdown
