"""The parsed declarations of the site: what each page shows and claims.

`verifier.pages` reads a page into these; `verifier.catalog` gathers the
distinct examples; `verifier.claims` decides which claims hold for a run.  They
are also what the check kit carries (`hooks/check_kit.py`): `dump()` turns the
examples into JSON and `load()` turns that back into the same objects, so the
kit checks exactly the declarations the tests check.  Standard library only
(the rules in `verifier.claims` also use `packaging`), because the kit runs where nothing
else is installed: it carries `packaging` with it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Callable

START_METHODS = ("fork", "spawn", "forkserver")
"""Every start method, in the order results are reported."""

STDOUT_KINDS = ("terminal", "file")
"""Where a claimed standard output goes: a terminal (the default), or a file."""

PLATFORMS = {"linux": "linux", "macos": "darwin", "windows": "win32"}
"""Names a program may list in `data-platforms`, and their `sys.platform`."""


def claimed_methods(blocks: Iterable[OutputBlock]) -> tuple[str, ...]:
    """The start methods some of `blocks` claim, in `START_METHODS` order."""
    claimed = {m for block in blocks for m in block.methods}
    return tuple(m for m in START_METHODS if m in claimed)


def claimed_kinds(blocks: Iterable[OutputBlock]) -> tuple[str, ...]:
    """Where stdout goes in the runs some of `blocks` claim: `terminal`, and `file`
    if a block shows what the program prints with its output redirected."""
    claimed = {b.stdout_kind for b in blocks if b.stream == "stdout"}
    return tuple(k for k in STDOUT_KINDS if k in claimed)


EXAMPLES = PurePosixPath("examples")
"""The folder of every example: a page's are in `examples/<page name>/`."""


def page_name_of(file: str) -> str:
    """The name of the page an example file is on: its folder below `examples/`
    (`examples/queue/put_get.py` is on `queue`; see `page_name`)."""
    folder = PurePosixPath(file).parent
    if folder == EXAMPLES or not folder.is_relative_to(EXAMPLES):
        raise ValueError(f"{file} is not in a page's folder of {EXAMPLES}/")
    return folder.relative_to(EXAMPLES).as_posix()


@dataclass(frozen=True)
class Fence:
    """One fenced code block of a page, with where it sits in the page text."""

    page: Path
    """The Markdown file that contains the fence."""
    line: int
    """1-based line number of the opening fence."""
    indent: int
    """Number of spaces before the opening fence (content tabs indent by 4)."""
    language: str
    """The fence's language, such as `python` or `output` (may be empty)."""
    classes: tuple[str, ...] = ()
    """Further classes given in `{ .lang .class }` form."""
    attrs: dict[str, str] = field(default_factory=dict)
    """`key="value"` options and attributes, such as `title` or `data-methods`."""
    body: str = ""
    """The code between the fences, with the fence's indentation removed."""
    body_start: int = 0
    """Offset of the body's first character in the page text."""
    body_end: int = 0
    """Offset just past the body (the start of the closing fence's line)."""
    malformed: bool = False
    """True when SuperFences would not accept the opening line as a fence."""

    @property
    def where(self) -> str:
        """`page:line`, for messages."""
        return f"{self.page.as_posix()}:{self.line}"


@dataclass(frozen=True)
class OutputBlock:
    """A block claiming what a program prints under some start methods."""

    fence: Fence
    """Where the block is, and its text."""
    stream: str
    """`stdout` or `stderr`."""
    methods: tuple[str, ...]
    """Start methods this claim is verified under."""
    exit_code: int = 0
    """Expected exit status of the program (declared on the stdout block)."""
    wildcard: bool = False
    """Whether `...` in the text matches varying text (see `verifier.compare`)."""
    python: str = ""
    """PEP 440 specifier of the Python versions the claim holds for (empty: all);
    alternatives may be joined with `||`, as in `<3.13.8 || ==3.14.0`."""
    stdout_kind: str = "terminal"
    """Where stdout goes in the claimed run (stderr claims hold for both)."""

    @property
    def text(self) -> str:
        return self.fence.body


@dataclass(frozen=True)
class ShownExample:
    """A program as one page shows it, with the outputs that page claims."""

    fence: Fence
    """The program's code block on the page."""
    file: str
    """Path of the included example file, relative to the repository root."""
    code: str
    """The code a reader copies: the included file without annotation markers."""
    outputs: tuple[OutputBlock, ...]
    platforms: tuple[str, ...] = ()
    """Where the program runs as shown (`data-platforms="linux"`); empty: everywhere."""
    markers: int = 0
    """How many `# (N)!` annotation markers the included file has (Material turns
    them into annotations, and removes them from the code it shows and copies)."""
    files: tuple[tuple[str, bytes], ...] = ()
    """Other files of the example's folder the program needs next to it
    (`data-files="reader.c"`): each one's path relative to the repository root,
    and its content.  The page shows each of them too."""
    needs: tuple[str, ...] = ()
    """Programs it runs that must be on `PATH`, such as `cc` or `node`
    (`data-needs="cc node"`); where one is missing, its runs are skipped, saying so."""
    container: tuple[str, ...] = ()
    """How it runs as in a container (`data-container="shm=64m"`, see
    `verifier.container`); where that cannot be made, its runs are skipped, saying so."""

    @property
    def methods(self) -> tuple[str, ...]:
        """Every start method some output block of this page claims."""
        return claimed_methods(self.outputs)

    @property
    def stdout_kinds(self) -> tuple[str, ...]:
        """Where stdout goes in the runs this page claims (see `STDOUT_KINDS`)."""
        return claimed_kinds(self.outputs)


@dataclass
class Example:
    """One distinct example program and every place the site shows it."""

    file: str
    """The example file, relative to the site root, e.g. `examples/queue/put_get.py`."""
    code: str
    """The code a reader copies (the file without annotation markers)."""
    shown: list[ShownExample] = field(default_factory=list)
    """Every page that shows it, with the outputs that page claims."""
    files: tuple[tuple[str, bytes], ...] = ()
    """Files the program needs next to it, with their content (`ShownExample.files`)."""

    @classmethod
    def of(cls, shown: ShownExample) -> Example:
        """The example as one page shows it (the verifier's own tests use this)."""
        return cls(shown.file, shown.code, [shown], shown.files)

    def companions(self) -> dict[str, bytes]:
        """The files a run writes next to the program: name -> content, as in `examples/`."""
        return {Path(file).name: content for file, content in self.files}

    @property
    def needs(self) -> tuple[str, ...]:
        """Programs on `PATH` that some page says the example runs (`data-needs`)."""
        return tuple(sorted({n for shown in self.shown for n in shown.needs}))

    @property
    def container(self) -> tuple[str, ...]:
        """The container settings (`data-container`) of the first page that gives any."""
        return next((shown.container for shown in self.shown if shown.container), ())

    @property
    def id(self) -> str:
        """Short name for test ids, e.g. `queue/put_get.py`."""
        return self.file.removeprefix("examples/")

    @property
    def methods(self) -> tuple[str, ...]:
        """Every start method some page claims an output for."""
        return claimed_methods(b for shown in self.shown for b in shown.outputs)

    @property
    def stdout_kinds(self) -> tuple[str, ...]:
        """Where stdout goes in the runs some page claims (see `STDOUT_KINDS`)."""
        return claimed_kinds(b for shown in self.shown for b in shown.outputs)

    @property
    def filename(self) -> str:
        """The file name a reader would save the example as."""
        return Path(self.file).name


# --- the declarations as JSON, for the check kit -------------------------------

FORMAT = 2
"""Version of the JSON layout `dump()` writes; `load()` refuses any other."""


def dump(examples: list[Example], extra: dict[str, dict] | None = None) -> dict:
    """The examples, as JSON-ready data, without their code and companion files
    (the kit carries those as files: `load()` reads them back by path).

    `extra` adds fields per example file (the kit adds the modules it imports)."""
    return {
        "format": FORMAT,
        "examples": [
            {
                "file": example.file,
                "files": [file for file, _ in example.files],
                "shown": [_shown_data(shown) for shown in example.shown],
                **(extra or {}).get(example.file, {}),
            }
            for example in examples
        ],
    }


def load(data: dict, read: Callable[[str], bytes]) -> list[Example]:
    """The examples `dump()` wrote; `read(path)` gives the content of a file it names."""
    if data.get("format") != FORMAT:
        raise ValueError(f"declarations in format {data.get('format')!r}; this reads {FORMAT}")
    examples = []
    for item in data["examples"]:
        code = read(item["file"]).decode("utf-8")
        files = tuple((file, read(file)) for file in item["files"])
        shown = [_shown(entry, item["file"], code, files) for entry in item["shown"]]
        examples.append(Example(item["file"], code, shown, files))
    return examples


def _fence_data(fence: Fence) -> dict:
    data = {name: getattr(fence, name) for name in Fence.__dataclass_fields__}
    data["page"] = PurePosixPath(fence.page).as_posix()
    data["classes"] = list(fence.classes)
    return data


def _fence(data: dict) -> Fence:
    return Fence(**{**data, "page": Path(data["page"]), "classes": tuple(data["classes"])})


def _shown_data(shown: ShownExample) -> dict:
    return {
        "fence": _fence_data(shown.fence),
        "platforms": list(shown.platforms),
        "markers": shown.markers,
        "needs": list(shown.needs),
        "container": list(shown.container),
        "outputs": [
            {
                "fence": _fence_data(block.fence),
                "stream": block.stream,
                "methods": list(block.methods),
                "exit_code": block.exit_code,
                "wildcard": block.wildcard,
                "python": block.python,
                "stdout_kind": block.stdout_kind,
            }
            for block in shown.outputs
        ],
    }


def _shown(data: dict, file: str, code: str, files: tuple) -> ShownExample:
    outputs = tuple(
        OutputBlock(
            **{**block, "fence": _fence(block["fence"]), "methods": tuple(block["methods"])}
        )
        for block in data["outputs"]
    )
    return ShownExample(
        _fence(data["fence"]),
        file,
        code,
        outputs,
        tuple(data["platforms"]),
        data["markers"],
        files,
        tuple(data["needs"]),
        tuple(data["container"]),
    )
