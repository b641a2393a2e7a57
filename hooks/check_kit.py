"""Build the check kit into the site: `downloads/check-kit.zip`.

A reader downloads it, unpacks it and runs `python check.py` to check, on
their own machine and Python, that every example still prints what the pages
show (`verifier.check` says how).  The kit holds:

* `check.py`, which runs `verifier.check`;
* `verifier/`: the modules of this repository that make and judge a run, as
  they are (the same code the test suite runs, not a copy kept apart), with
  `packaging` next to it, the one library they use (the pinned version, with
  its licence);
* `claims.json`: every example's declarations as the pages make them, written
  by `verifier.declarations.dump` from the catalog the tests use, and per
  page its title in each language;
* `examples/`: each program as a reader copies it (annotation markers
  removed, as the suite runs it) and the files it needs next to it;
* `requirements.txt`: the pins of the packages some examples import (NumPy,
  tqdm, Dask); without them those runs are skipped, saying so.

The archive is the same for the same sources (`hooks.downloads.reproducible_zip`).
"""

from __future__ import annotations

import json
import subprocess
from importlib import metadata
from pathlib import Path, PurePosixPath

import packaging
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

import verifier
from hooks.downloads import reproducible_zip
from hooks.site_map import LANGUAGES, site_names, url_path
from verifier.catalog import Catalog, collect
from verifier.declarations import dump
from verifier.requirements import examples_requirements, third_party_imports

KIT_PATH = "downloads/check-kit.zip"
"""Where the kit is in the site, relative to its root."""
FOLDER = "mp-data-exchange-check"
"""The one folder the archive unpacks to."""
RUNTIME = (
    "__init__.py",
    "check.py",
    "claims.py",
    "compare.py",
    "declarations.py",
    "interpreters.py",
    "processes.py",
    "runner.py",
    "shm.py",
    "tools.py",
    "verdict.py",
    "_startup/sitecustomize.py",
)
"""The modules of `verifier` that make and check a run (standard library only,
but for `packaging`); `tests/test_check_kit.py` checks the kit runs with them alone."""

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

每个示例都在全新的解释器中，以本平台支持的每种启动方法运行，并与页面为当前
Python 版本和操作系统给出的输出逐字比较。最后一行是 `N passed, N failed`，
有任何差异时退出码为 1。`not claimed` 表示网站没有为这个平台或这个 Python 版本
给出输出，因此不做检查；`skipped` 表示缺少运行所需的东西（某个包、C 编译器），
表格会写明缺什么。用 `--report report.md` 生成可附在问题报告里的 Markdown 报告。
"""


# After the i18n plugin has sorted the files into languages: it reads every
# file's source path, and a generated file has none.
@event_priority(-100)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).resolve().parent
    files.append(File.generated(config, KIT_PATH, content=build_kit(root)))
    return files


def build_kit(root: Path) -> bytes:
    """The kit's archive for the site at `root` (this repository)."""
    catalog = collect(root)
    names = {lang: name for lang, (name, _) in site_names().items()}
    site = {"name": names["en"], "commit": _git(root, "rev-parse", "--short=12", "HEAD")}
    site["built"] = _git(root, "log", "-1", "--format=%cs") if site["commit"] != "unknown" else ""
    declarations = dump(
        catalog.examples,
        {
            e.file: {"imports": third_party_imports(e.code, e.companions())}
            for e in catalog.examples
        },
    )
    data = {"site": site, "pages": _pages(catalog, root), "declarations": declarations}
    entries: dict[str, bytes] = {
        "check.py": ENTRY.format(name=names["en"]).encode(),
        "README.md": README.format(name=names["en"], zh_name=names["zh"]).encode(),
        "requirements.txt": examples_requirements(
            (root / "requirements.lock").read_text()
        ).encode(),
        "claims.json": json.dumps(data, ensure_ascii=False, indent=1).encode(),
    }
    for example in catalog.examples:
        entries[example.file] = example.code.encode()
        entries.update(dict(example.files))
    package = Path(verifier.__file__).parent  # the installed repository's, as the tests run it
    for module in RUNTIME:
        entries[f"verifier/{module}"] = (package / module).read_bytes()
    entries.update(_packaging())
    return reproducible_zip({f"{FOLDER}/{name}": content for name, content in entries.items()})


def _pages(catalog: Catalog, root: Path) -> dict[str, dict[str, dict[str, str]]]:
    """Per page with examples: its title (the first heading) and where it is built,
    in each language."""
    pages: dict[str, dict[str, dict[str, str]]] = {}
    for page in catalog.pages:
        language, name = page.path.parts[1], PurePosixPath(*page.path.parts[2:]).with_suffix("")
        if not page.examples or language not in LANGUAGES:
            continue
        text = (root / page.path).read_text(encoding="utf-8")
        title = next(
            (line[2:].split("{")[0].strip() for line in text.splitlines() if line.startswith("# ")),
            str(name),
        )
        pages.setdefault(str(name), {})[language] = {
            "title": title,
            "path": url_path(language, str(name)),
        }
    return pages


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
    try:
        found = subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, check=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return found.stdout.strip() or "unknown"
