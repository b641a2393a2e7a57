"""Read a page into the programs it shows and the outputs it claims for them.

A page is a sequence of fenced blocks (see `verifier.fences`).  Each block is
one of:

* a **program**: a `python` fence whose only line includes a whole file from
  `examples/`, e.g. `--8<-- "examples/queue/put_get.py"`;
* an **output block** claiming what the program before it prints: an `output`
  fence (standard output) or a `stderr` fence, optionally restricted to some
  start methods with `data-methods="fork"` and to some Python versions with
  `data-python=">=3.12"`, expecting an exit status other than 0 with
  `data-exit="1"`, and allowing `...` wildcards with `.ellipsis`; an output
  block with `data-stdout="file"` claims what the program prints when its
  standard output is redirected to a file (`python x.py > out.txt`) instead
  of a terminal;
* a **source file a program needs**, such as C code the program compiles or a
  module it imports: a fence whose only line includes a whole file from
  `examples/` that the `data-files` of a program on the same page names (the
  file is written next to the program for each run), in any language, Python
  too;
* a `mermaid` diagram, which is a picture, not code a reader runs;
* anything else, which must say `.not-runnable` so that nothing shown on a
  page escapes verification by accident.

Every structural mistake becomes a *problem* message naming the page and line.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from pymdownx.snippets import SnippetMissingError

from verifier.claims import coverage_problems
from verifier.container import problems as container_problems
from verifier.declarations import (
    PLATFORMS,
    START_METHODS,
    STDOUT_KINDS,
    Fence,
    OutputBlock,
    ShownExample,
)
from verifier.fences import scan_fences
from verifier.includes import expand

PYTHON_LANGUAGES = {"python", "py", "python3", "py3"}
STREAMS = {"output": "stdout", "stderr": "stderr"}
NOT_RUNNABLE = "not-runnable"
DIAGRAMS = {"mermaid"}
WILDCARD = "ellipsis"

# The rules other code must read as the checker does live here, once: what an
# include line and an annotation marker look like (hooks/page_markdown.py reads
# them too), which block shows which example file (`shown_files`, offered for
# download by hooks/downloads.py), and which page an example's folder belongs
# to (`page_name`; an example file's, `verifier.declarations.page_name_of`, which
# the check kit carries).
INCLUDE = re.compile(r'^(?P<indent>[ \t]*)-+8<-+[ \t]+"(?P<path>[^"]+)"[ \t]*$', re.MULTILINE)
"""A line that includes a file (pymdownx.snippets): `--8<-- "examples/queue/put_get.py"`.
A block is an include when its whole body is one (`INCLUDE.fullmatch(body.strip())`)."""
MARKER = re.compile(r"[ \t]*#[ \t]*\((?P<number>\d+)\)!?[ \t]*$", re.MULTILINE)
"""An annotation marker ending a line of code, `# (1)!`: Material removes it from
the code it shows and copies, so whoever shows or runs that code removes it too."""
_LIST_ITEM = re.compile(r"^(?P<indent> *)\d+\.[ \t]")
_PROGRAM_ATTRS = {
    "title",
    "hl_lines",
    "linenums",
    "data-platforms",
    "data-files",
    "data-needs",
    "data-container",
}
_OUTPUT_ATTRS = {"title", "data-methods", "data-exit", "data-python", "data-stdout"}


@dataclass
class Page:
    """What a page shows: its programs, and everything wrong with its blocks."""

    path: Path
    """The page, relative to the repository root."""
    fences: list[Fence] = field(default_factory=list)
    """Every fenced block of the page, in order."""
    examples: list[ShownExample] = field(default_factory=list)
    """The verified examples the page shows, with the outputs it claims for them."""
    problems: list[str] = field(default_factory=list)
    """One `page:line: message` per block that breaks the rules above."""


def shown_files(page: Page) -> dict[int, str]:
    """The example file each block of `page` shows, by the line of its opening
    fence, in page order: a program (`ShownExample.file`), or a file a program
    on the page needs (`data-files`) in a block of its own that includes it
    (`_is_source`).  The site offers exactly these for download (hooks/downloads.py)."""
    needed = {file for example in page.examples for file, _ in example.files}
    shown = {example.fence.line: example.file for example in page.examples}
    for fence in page.fences:
        if _is_source(fence, needed) and _included(fence) in needed:
            shown[fence.line] = _included(fence)
    return dict(sorted(shown.items()))


def page_name(page: Path) -> str:
    """A page's name, the same in both languages: `docs/zh/queue.md` and
    `docs/en/queue.md` are `queue`; `docs/en/contributing/verification.md` is
    `contributing/verification`.  Its examples are in `examples/<name>/`."""
    return PurePosixPath(*page.parts[2:]).with_suffix("").as_posix()


def read_page(path: Path, root: Path) -> Page:
    """Parse the page at `path` (inside the repository at `root`)."""
    relative = path.resolve().relative_to(root.resolve())
    return parse_page(path.read_text(encoding="utf-8"), relative, root)


def parse_page(text: str, relative: Path, root: Path) -> Page:
    """Parse page text; `relative` is the page's path for messages."""
    page = Page(relative, scan_fences(text, relative))
    lines = text.splitlines()
    pending: _Pending | None = None
    sources: list[Fence] = []
    companions = _companions(page.fences)
    for fence in page.fences:
        if fence.malformed:
            page.problems.append(
                f"{fence.where}: SuperFences would not render this as a code block "
                '(unknown option? use the { .lang key="value" } form)'
            )
            continue
        if fence.language in STREAMS:
            if pending is None:
                page.problems.append(
                    f"{fence.where}: output block without a runnable program before it"
                )
                continue
            if _heading_between(lines, pending.fence, fence):
                page.problems.append(
                    f"{fence.where}: a heading separates this output block from "
                    f"its program at line {pending.fence.line}"
                )
            block = _output_block(fence, page.problems)
            if block:
                pending.outputs.append(block)
            continue
        if pending is not None:
            page.examples.extend(pending.finish(page.problems))
            pending = None
        if NOT_RUNNABLE in fence.classes or fence.language in DIAGRAMS:
            continue
        if _is_source(fence, companions):
            sources.append(fence)
            continue
        if fence.language not in PYTHON_LANGUAGES:
            page.problems.append(
                f"{fence.where}: `{fence.language or 'plain'}` block is neither a "
                f"verified program nor marked {{ .{NOT_RUNNABLE} }}"
            )
            continue
        pending = _start_example(fence, lines, root, page.problems)
    if pending is not None:
        page.examples.extend(pending.finish(page.problems))
    page.problems += _source_problems(sources, page.examples)
    return page


def _is_source(fence: Fence, companions: Collection[str] = ()) -> bool:
    """A block that shows a source file a program may need: a fence, neither
    output, diagram nor marked not runnable, whose only line includes a file, in a
    language other than Python, or in Python when a program of the page names
    the file in `data-files` (`companions`, as `_companions` finds them): a
    module the program imports, a test file it runs."""
    return (
        not fence.malformed
        and fence.language not in STREAMS.keys() | DIAGRAMS
        and NOT_RUNNABLE not in fence.classes
        and INCLUDE.fullmatch(fence.body.strip()) is not None
        and (fence.language not in PYTHON_LANGUAGES or _included(fence) in companions)
    )


def _companions(fences: list[Fence]) -> set[str]:
    """The files the programs among `fences` name in `data-files`, as paths from
    the repository root (each in its program's folder)."""
    found = set()
    for fence in fences:
        match = INCLUDE.fullmatch(fence.body.strip())
        if fence.language in PYTHON_LANGUAGES and match and "data-files" in fence.attrs:
            folder = match["path"].rsplit("/", 1)[0]
            found |= {f"{folder}/{name}" for name in _listed(fence, "data-files")}
    return found


def _included(fence: Fence) -> str:
    """The file a block whose only line is an include includes."""
    return INCLUDE.fullmatch(fence.body.strip())["path"]


def _source_problems(sources: list[Fence], examples: list[ShownExample]) -> list[str]:
    """Every source file shown is one a program needs, and every file a program
    needs is shown: a reader who copies the page's blocks has the whole example."""
    shown = {_included(f): f for f in sources}
    needed = {file: e for e in examples for file, _ in e.files}
    problems = [
        f"{fence.where}: {path} is included, but no program on this page names it "
        f"in data-files (or mark the block {{ .{fence.language} .{NOT_RUNNABLE} }})"
        for path, fence in shown.items()
        if path not in needed
    ]
    problems += [
        f"{e.fence.where}: {e.file} needs {file} (data-files), which the page does "
        "not show; include it in a block of its own"
        for file, e in needed.items()
        if file not in shown
    ]
    return problems


@dataclass
class _Pending:
    """An example whose output blocks are still being read; `finish()` checks them
    (`verifier.claims.coverage_problems`) and makes the `ShownExample`."""

    fence: Fence
    file: str
    code: str
    platforms: tuple[str, ...] = ()
    markers: int = 0
    files: tuple[tuple[str, bytes], ...] = ()
    needs: tuple[str, ...] = ()
    container: tuple[str, ...] = ()
    outputs: list[OutputBlock] = field(default_factory=list)

    def finish(self, problems: list[str]) -> list[ShownExample]:
        before = len(problems)
        stdout = [b for b in self.outputs if b.stream == "stdout"]
        if not any(b.stdout_kind == "terminal" for b in stdout):
            problems.append(
                f"{self.fence.where}: program {self.file} has no ```output block "
                "after it (every runnable program must show what it prints)"
            )
            return []
        problems += coverage_problems(self.fence.where, self.file, self.outputs)
        if len(problems) > before:
            return []
        return [
            ShownExample(
                self.fence,
                self.file,
                self.code,
                tuple(self.outputs),
                self.platforms,
                self.markers,
                self.files,
                self.needs,
                self.container,
            )
        ]


def _start_example(
    fence: Fence, lines: list[str], root: Path, problems: list[str]
) -> _Pending | None:
    unknown = set(fence.attrs) - _PROGRAM_ATTRS
    if unknown or fence.classes:
        extra = sorted(unknown) + [f".{c}" for c in fence.classes]
        problems.append(f"{fence.where}: unknown settings on a program: {extra}")
    include = INCLUDE.fullmatch(fence.body.strip())
    if not include or ":" in include.group("path"):
        problems.append(
            f"{fence.where}: a runnable program must be one line including a whole "
            'file, like --8<-- "examples/queue/put_get.py" (or mark the block '
            f"{{ .python .{NOT_RUNNABLE} }})"
        )
        return None
    example = include.group("path")
    if not example.startswith("examples/"):
        problems.append(f"{fence.where}: programs must come from examples/, not {example}")
        return None
    try:
        shown = expand(fence.body, root / "mkdocs.yml")
    except SnippetMissingError as error:
        problems.append(f"{fence.where}: cannot include {example}: {error}")
        return None
    markers = [int(m.group("number")) for m in MARKER.finditer(shown)]
    if any(not m.group(0).rstrip().endswith("!") for m in MARKER.finditer(shown)):
        problems.append(
            f"{fence.where}: write annotation markers as `# (1)!` so that copying "
            f"the code removes the whole comment ({example})"
        )
    if markers != list(range(1, len(markers) + 1)):
        problems.append(f"{fence.where}: annotation markers {markers} are not 1, 2, 3, ...")
    elif markers and _list_items_after(lines, fence) < len(markers):
        problems.append(
            f"{fence.where}: {example} has {len(markers)} annotation markers but the "
            "numbered list right after the block has fewer items"
        )
    platforms = _listed(fence, "data-platforms")
    if any(p not in PLATFORMS for p in platforms):
        problems.append(
            f"{fence.where}: data-platforms takes {', '.join(PLATFORMS)}, not {platforms}"
        )
    folder = example.rsplit("/", 1)[0]
    files = []
    for name in _listed(fence, "data-files"):
        file = f"{folder}/{name}"
        if "/" in name or not (root / file).is_file():
            problems.append(
                f"{fence.where}: data-files names {name}, which is not a file in {folder}/"
            )
        else:
            files.append((file, (root / file).read_bytes()))
    needs = _listed(fence, "data-needs")
    if any(not re.fullmatch(r"[A-Za-z0-9._+-]+", n) for n in needs):
        problems.append(f"{fence.where}: data-needs takes program names, not {needs}")
    container = _listed(fence, "data-container")
    problems += [f"{fence.where}: data-container: {p}" for p in container_problems(container)]
    if container and platforms != ("linux",):
        problems.append(
            f'{fence.where}: data-container needs data-platforms="linux" too: namespaces '
            "and cgroups are Linux's"
        )
    shown = MARKER.sub("", shown)
    return _Pending(fence, example, shown, platforms, len(markers), tuple(files), needs, container)


def _listed(fence: Fence, key: str, default: str = "") -> tuple[str, ...]:
    """The names a setting lists, separated by spaces or commas (`data-methods="fork spawn"`)."""
    return tuple(fence.attrs.get(key, default).replace(",", " ").split())


def _output_block(fence: Fence, problems: list[str]) -> OutputBlock | None:
    stream = STREAMS[fence.language]
    unknown = set(fence.attrs) - _OUTPUT_ATTRS
    classes = set(fence.classes) - {WILDCARD}
    if unknown or classes:
        extra = sorted(unknown) + [f".{c}" for c in sorted(classes)]
        problems.append(f"{fence.where}: unknown settings on an output block: {extra}")
        return None
    methods = _listed(fence, "data-methods", " ".join(START_METHODS))
    wrong = [m for m in methods if m not in START_METHODS]
    if wrong or not methods:
        problems.append(f"{fence.where}: unknown start methods {wrong or methods}")
        return None
    exit_code = fence.attrs.get("data-exit", "0")
    if stream == "stderr" and "data-exit" in fence.attrs:
        problems.append(f"{fence.where}: put data-exit on the ```output block, not stderr")
        return None
    if not re.fullmatch(r"-?\d+", exit_code):
        problems.append(f"{fence.where}: data-exit must be an integer, not {exit_code!r}")
        return None
    python = fence.attrs.get("data-python", "")
    parts = python.split("||")
    try:
        for part in parts:
            if len(parts) > 1 and not part.strip():
                raise InvalidSpecifier("an empty alternative would hold for every version")
            SpecifierSet(part)
    except InvalidSpecifier:
        problems.append(
            f'{fence.where}: data-python must be a version specifier like ">=3.12" or '
            f'"<3.13.8 || ==3.14.0", not {python!r}'
        )
        return None
    kind = fence.attrs.get("data-stdout", "terminal")
    if kind not in STDOUT_KINDS or (stream == "stderr" and "data-stdout" in fence.attrs):
        problems.append(
            f'{fence.where}: data-stdout="file" is the only setting, and only on an '
            f"```output block (not {kind!r} on {stream})"
        )
        return None
    ordered = tuple(m for m in START_METHODS if m in methods)
    return OutputBlock(
        fence, stream, ordered, int(exit_code), WILDCARD in fence.classes, python, kind
    )


def _closing_line(fence: Fence) -> int:
    """0-based index of the line that closes `fence`."""
    return fence.line + fence.body.count("\n")


def _heading_between(lines: list[str], first: Fence, second: Fence) -> bool:
    between = lines[_closing_line(first) + 1 : second.line - 1]
    return any(re.match(r"#{1,6}[ \t]", line) for line in between)


def _list_items_after(lines: list[str], fence: Fence) -> int:
    """Count the items of the numbered list that directly follows `fence`."""
    items = 0
    for line in lines[_closing_line(fence) + 1 :]:
        if not line.strip():
            continue
        item = _LIST_ITEM.match(line)
        if item and len(item.group("indent")) == fence.indent:
            items += 1
        elif len(line) - len(line.lstrip(" ")) <= fence.indent:
            break
    return items
