"""A file a program needs is shown in a block of its own, in any language: a
Python module it imports is a source block, not a second program."""

from __future__ import annotations

from pathlib import Path

from tests.verifier.helpers import FIXTURE
from verifier.pages import parse_page, shown_files


def page_with(tmp_path: Path, data_files: str) -> str:
    folder = tmp_path / "examples" / "p"
    folder.mkdir(parents=True)
    (folder / "main.py").write_text("import tasks\n\nprint(tasks.VALUE)\n")
    (folder / "tasks.py").write_text("VALUE = 1\n")
    (tmp_path / "mkdocs.yml").write_text((FIXTURE / "mkdocs.yml").read_text())
    return (
        f'```{{ .python title="main.py" {data_files} }}\n--8<-- "examples/p/main.py"\n```\n\n'
        '```output title="Output"\n1\n```\n\n'
        '```python title="tasks.py"\n--8<-- "examples/p/tasks.py"\n```\n'
    )


def test_a_python_module_a_program_names_is_a_source_block(tmp_path) -> None:
    page = parse_page(page_with(tmp_path, 'data-files="tasks.py"'), Path("docs/en/p.md"), tmp_path)
    assert page.problems == []
    assert [e.file for e in page.examples] == ["examples/p/main.py"]
    assert list(shown_files(page).values()) == ["examples/p/main.py", "examples/p/tasks.py"]


def test_a_python_block_no_program_names_is_a_program(tmp_path) -> None:
    page = parse_page(page_with(tmp_path, ""), Path("docs/en/p.md"), tmp_path)
    assert [e.file for e in page.examples] == ["examples/p/main.py"]
    assert any("tasks.py has no ```output block" in p for p in page.problems), page.problems
