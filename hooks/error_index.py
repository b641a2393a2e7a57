"""The error index, "By error message": every error message, warning and exit
status that a program on the site shows or a page discusses, with a one-line
cause and links to the sections that show it.

The entries and their causes are in `docs/_includes/errors.yml`; everything
else is read from the pages at build time, so the index cannot drift from them:

* where each message is: every section (the heading above it, with its id) of
  every page of the index's language whose Markdown holds the message's exact
  text, in a verified output block or in the prose;
* what is missing: `problems()` lists an entry that no page of a language
  holds, and every error line of a verified output block (an exception, a
  warning, a program's exit status) that no entry covers.  The build fails on
  them (`on_page_markdown`), and so does tests/test_error_index.py.

The page's Markdown (`docs/<language>/by-error.md`) holds the prose and the
line `<!-- error index -->`, which is replaced by the entries: grouped by the
first letter of the exception's name, each a heading that is the message as
printed, so that a reader who pastes it into the search box lands on it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from hooks.site_map import LANGUAGES, language_if_page, url_path
from hooks.strings import strings
from verifier.pages import parse_page

REGISTRY = Path("docs") / "_includes" / "errors.yml"
"""The entries, relative to the repository root."""
PAGE = "by-error"
"""The index's page name, in every language (`docs/<language>/by-error.md`)."""
PLACEHOLDER = "<!-- error index -->"

# An exception or warning as Python prints it at the end of a traceback or in
# a warning line: an optional module path, a class name, then `: message`.
_NAME = (
    r"(?:[a-z_]\w*\.)*"
    r"(?:[A-Z]\w*(?:Error|Exception|Warning|Exit|Interrupt)|BrokenProcessPool|CancelledError)"
)
ERROR_LINE = re.compile(rf"^(?:\S+:(?:\d+|\.\.\.): )?(?P<name>{_NAME})(?::\s.*)?$")
"""A line of a verified output that must be in the index (a warning's line number may be
the `...` of an `.ellipsis` block)."""
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*\{\s*#([\w-]+)[^}]*\}\s*$")


@dataclass(frozen=True)
class Entry:
    text: str
    """The message exactly as printed (the index's heading, and what search finds)."""
    cause: dict[str, str]
    """One line per language: why it happens."""
    find: tuple[str, ...]
    """The exact strings that locate it on the pages: the text, unless given."""
    name: str
    """The exception or warning class, without its module (what the index sorts by)."""
    given_anchor: str = ""
    """The heading's id, where the one made from the text would be another entry's."""

    @property
    def anchor(self) -> str:
        if self.given_anchor:
            return self.given_anchor
        words = re.findall(r"[a-z0-9]+", self.text.lower().replace("'", ""))
        return "-".join(words)[:72].rstrip("-")


def load(root: Path) -> list[Entry]:
    entries = []
    for item in yaml.safe_load((root / REGISTRY).read_text(encoding="utf-8")):
        text = item["text"]
        name = re.match(r"(?:[\w.]*\.)?(\w+)", text)[1]
        causes = {language: item[language] for language in LANGUAGES}
        find = tuple(item.get("find", [text]))
        entries.append(Entry(text, causes, find, item.get("name", name), item.get("anchor", "")))
    return entries


@dataclass(frozen=True)
class Section:
    page: str
    """The page's name (`pools`)."""
    anchor: str
    title: str
    page_title: str


@functools.lru_cache(maxsize=256)  # asked once per occurrence of every entry's text
def _sections(text: str, name: str) -> tuple[tuple[int, Section], ...]:
    """Each heading of a page with an id, by line: (line, section)."""
    page_title, found = name, []
    for number, line in enumerate(text.splitlines(), 1):
        match = _HEADING.match(line)
        if not match:
            continue
        title = match[2]
        if len(match[1]) == 1:
            page_title = title
        found.append((number, Section(name, match[3], title, page_title)))
    return tuple(found)


def _where(text: str, name: str, needle: str) -> list[Section]:
    """The sections of a page whose text holds `needle`, in page order, once each."""
    heads = _sections(text, name)
    found: list[Section] = []
    start = 0
    while (at := text.find(needle, start)) >= 0:
        line = text.count("\n", 0, at) + 1
        above = [section for number, section in heads if number <= line]
        if above and above[-1] not in found:
            found.append(above[-1])
        start = at + len(needle)
    return found


def pages(root: Path, language: str) -> dict[str, str]:
    """Every page of a language but the index and the contributors' pages, by name
    (verification.md quotes the settings, such as `data-exit="1"`, as syntax)."""
    folder = root / "docs" / language
    names = {
        path.relative_to(folder).with_suffix("").as_posix(): path
        for path in sorted(folder.rglob("*.md"))
    }
    return {
        name: path.read_text(encoding="utf-8")
        for name, path in names.items()
        if name != PAGE and not name.startswith("contributing/")
    }


def locate(entries: list[Entry], pages: dict[str, str]) -> dict[str, list[Section]]:
    """Where each entry is on one language's pages, by its text."""
    return {
        entry.text: list(
            dict.fromkeys(
                s for name, text in pages.items() for f in entry.find for s in _where(text, name, f)
            )
        )
        for entry in entries
    }


def uncovered(entries: list[Entry], root: Path, language: str) -> list[str]:
    """Error lines of verified outputs, and exit statuses, that no entry covers."""
    finds = [f for entry in entries for f in entry.find]
    problems = []
    for path in sorted((root / "docs" / language).rglob("*.md")):
        relative = path.relative_to(root)
        page = parse_page(path.read_text(encoding="utf-8"), relative, root)
        for example in page.examples:
            for output in example.outputs:
                where = f"{relative.as_posix()}:{output.fence.line}"
                lines = output.text.splitlines()
                if output.exit_code and f'data-exit="{output.exit_code}"' not in finds:
                    problems.append(
                        f'{where}: exit status {output.exit_code} (find: data-exit="{output.exit_code}")'
                    )
                for line in lines:
                    line = line.strip()
                    if ERROR_LINE.match(line) and not any(f in line for f in finds):
                        problems.append(f"{where}: {line}")
    return problems


def problems(root: Path, languages: tuple[str, ...] = LANGUAGES) -> list[str]:
    """What keeps the index from being complete and true in `languages` (the
    build fails on it: each language's build checks its own)."""
    entries = load(root)
    found = []
    texts = [entry.text for entry in entries]
    found += [
        f"{REGISTRY}: {t!r} is listed twice"
        for t in sorted({t for t in texts if texts.count(t) > 1})
    ]
    anchors = [entry.anchor for entry in entries]
    found += [
        f"{REGISTRY}: the heading id {a!r} is made by two entries (give one an anchor:)"
        for a in sorted({a for a in anchors if anchors.count(a) > 1})
    ]
    for language in languages:
        located = locate(entries, pages(root, language))
        found += [
            f"{REGISTRY}: {text!r} is on no page of docs/{language}/ (its find: strings)"
            for text, sections in located.items()
            if not sections
        ]
        found += [
            f"{line}: no entry of {REGISTRY} covers it"
            for line in uncovered(entries, root, language)
        ]
    return found


SEARCH_FIELD = "errors"
"""A field of the search index that holds, for each section that shows an error,
the entries' texts (`search_fields`)."""
SEARCH_BOOST = 400.0
"""Its weight: a tenth of a heading's (Material weighs a title 1000, body text 1).
A pasted message matches all its words there, which lifts the section that
shows it above sections whose heading holds one common word of it ("process");
a single word matches with a tenth of a heading's weight, so other searches
keep their order."""


def search_fields(root: Path, language: str) -> dict[str, str]:
    """Each section of `language` that shows an entry, by its location in the
    search index (`en/pools/#pickled-by-reference`): the texts of its entries."""
    found: dict[str, list[str]] = {}
    for text, sections in locate(load(root), pages(root, language)).items():
        for section in sections:
            found.setdefault(f"{url_path(language, section.page)}#{section.anchor}", []).append(
                text
            )
    return {location: "\n".join(texts) for location, texts in found.items()}


def _letter(entry: Entry) -> str:
    first = entry.name.lstrip("_")[:1].upper()
    return first if first.isalpha() else "#"


def render(root: Path, language: str, strings: dict[str, str]) -> str:
    """The index's entries as Markdown, for `language`."""
    entries = sorted(load(root), key=lambda e: (_letter(e), e.name.lower(), e.text.lower()))
    located = locate(entries, pages(root, language))
    letters = sorted({_letter(e) for e in entries})
    out = [" · ".join(f"[{letter}](#letter-{letter.lower()})" for letter in letters), ""]
    for letter in letters:
        out += [f"## {letter} {{ #letter-{letter.lower()} }}", ""]
        for entry in (e for e in entries if _letter(e) == letter):
            out += [f"### `{entry.text}` {{ #{entry.anchor} }}", "", entry.cause[language], ""]
            links = [
                f"[{s.page_title} › {s.title}]({s.page}.md#{s.anchor})" for s in located[entry.text]
            ]
            label = strings["shown_in"]
            space = "" if label.endswith("：") else " "  # no space after a full-width colon
            out += [label + space + strings["separator"].join(links), ""]
    return "\n".join(out)


def on_page_markdown(markdown: str, *, page, config, files) -> str:
    language = language_if_page(page.file.src_uri, PAGE)
    if language is None:
        return markdown
    root = Path(config.config_file_path).resolve().parent
    wrong = problems(root, (language,))
    if wrong:
        raise SystemExit("error index:\n" + "\n".join(wrong))
    return markdown.replace(PLACEHOLDER, render(root, language, strings(language)["error_index"]))
