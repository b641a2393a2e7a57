"""The check kit's contents: what `python check.py` needs, as the site serves it.

`assemble()` gives the kit's files; `hooks/check_kit.py` zips them into the
site (`downloads/check-kit.zip`), and the test suite's pytest plugin writes the
very same files to a folder and runs every example through them
(`verifier.pytest_plugin`).  The kit holds:

* `check.py`, which runs `verifier.check`;
* `verifier/`: the modules of this repository that decide, make and judge a
  run (`RUNTIME`), as they are, with `packaging` next to them, the one library
  they use (the pinned version, with its licence);
* `claims.json`: every example's declarations as the pages make them, written
  by `verifier.declarations.dump`, the third-party modules each imports, and
  per page its title in each language;
* `examples/`: each program as a reader copies it (annotation markers
  removed, as the suite runs it) and the files it needs next to it;
* `requirements.txt`: the pins of the packages some examples import (NumPy,
  tqdm, Dask); without them those runs are skipped, saying so.
"""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path

import packaging

import verifier
from verifier.catalog import Catalog
from verifier.declarations import dump
from verifier.git import git
from verifier.requirements import examples_requirements, third_party_imports

RUNTIME = (
    "__init__.py",
    "check.py",
    "claims.py",
    "compare.py",
    "container.py",
    "declarations.py",
    "interpreters.py",
    "plan.py",
    "processes.py",
    "runner.py",
    "shm.py",
    "verdict.py",
    "_startup/sitecustomize.py",
)
"""The modules of `verifier` that decide, make and check a run (standard library
only, but for `packaging`); `tests/test_check_kit.py` checks the kit runs with
them alone."""

ENTRY = '''"""Check that the examples of "{name}" print what its pages show, here.

    python check.py            (Windows: py check.py)
    python check.py --help

Prints a table per page and, last, a line "N passed, N failed"; exits with 1
on any difference.  See README.md.
"""

import sys

if sys.version_info < (3, 9):
    sys.exit("check.py needs Python 3.9 or newer, like the examples")

from verifier.check import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
'''

README = """# Check kit · 自查工具包

Every example of *{name}* ({zh_name}), with what its pages say it prints, and the
runner that the site's own test suite uses.  Python 3.9 or newer; nothing to install.

```
python check.py                      # Windows: py check.py
python check.py --report report.md   # also write a Markdown report for a bug report
python check.py -k queue/            # only the examples of one page
pip install -r requirements.txt      # optional: NumPy, tqdm, Dask, for their examples
```

Each program runs in a fresh interpreter under every start method this platform
has, its output compared with the pages' claims for this Python and this OS.
*not claimed* means the site shows no output for this platform or this Python:
nothing was checked.  *skipped* means something the run needs is missing
(a package, a C compiler); the table says what.

每个示例都在全新的解释器中，以本平台支持的每种启动方式运行，并与页面为当前
Python 版本和操作系统给出的输出逐字比较。最后一行是 `N passed, N failed`，
有任何差异时退出码为 1。`not claimed` 表示网站没有为这个平台或这个 Python 版本
给出输出，因此不做检查；`skipped` 表示缺少运行所需的东西（某个包、C 编译器），
表格会写明缺什么。用 `--report report.md` 生成可附在问题报告里的 Markdown 报告。
"""


def assemble(
    root: Path,
    catalog: Catalog,
    names: dict[str, str],
    pages: dict[str, dict[str, dict[str, str]]] | None = None,
) -> dict[str, bytes]:
    """The kit's files, by path inside the kit, for the site at `root`.

    `names` is the site's name per language (`en`, `zh`); `pages` the title and
    address of each page with examples, per language (the site build knows
    them; the test suite's kit does without)."""
    site = {"name": names["en"], "commit": _git(root, "rev-parse", "--short=12", "HEAD")}
    site["built"] = _git(root, "log", "-1", "--format=%cs") if site["commit"] != "unknown" else ""
    imports = {
        e.file: {"imports": third_party_imports(e.code, e.companions())} for e in catalog.examples
    }
    data = {"site": site, "pages": pages or {}, "declarations": dump(catalog.examples, imports)}
    entries: dict[str, bytes] = {
        "check.py": ENTRY.format(name=names["en"]).encode(),
        "README.md": README.format(name=names["en"], zh_name=names["zh"]).encode(),
        "requirements.txt": examples_requirements(_read(root / "requirements.lock")).encode(),
        "claims.json": json.dumps(data, ensure_ascii=False, indent=1).encode(),
    }
    for example in catalog.examples:
        entries[example.file] = example.code.encode()
        entries.update(dict(example.files))
    package = Path(verifier.__file__).parent  # the installed repository's, as the tests run it
    for module in RUNTIME:
        entries[f"verifier/{module}"] = (package / module).read_bytes()
    entries.update(_packaging())
    return entries


def _read(path: Path) -> str:
    """A file's text; nothing for a site without it (the verifier's fixture sites)."""
    return path.read_text() if path.exists() else ""


def write(entries: dict[str, bytes], folder: Path) -> Path:
    """Write the kit's files into `folder`; returns its `check.py`."""
    for name, content in entries.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return folder / "check.py"


def _packaging() -> dict[str, bytes]:
    """The installed `packaging` (the locked version), its licence files included."""
    package = Path(packaging.__file__).parent
    entries = {
        f"packaging/{p.relative_to(package).as_posix()}": p.read_bytes()
        for p in sorted(package.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts and p.suffix in {".py", ""}
    }
    for file in metadata.distribution("packaging").files or ():
        if "licenses" in file.parts or file.name.startswith("LICENSE"):
            entries[f"packaging/{file.name}"] = Path(file.locate()).read_bytes()
    return entries


def _git(root: Path, *args: str) -> str:
    return git(root, *args).strip() or "unknown"
