"""The Chinese pages use the glossary's terms: no zh page's prose uses a wording
that the glossary lists as replaced.

The data is the glossary table itself (`docs/_includes/glossary-table.md`, which
both glossary pages show): its column "不再使用 · replaced" lists, separated by
`、`, the wordings that the term in the first column replaced. Prose is a page
without its front matter keys, fenced code, `--8<--` lines, inline code, link
targets and reference definitions, URLs, HTML tags with their attributes,
`{ ... }` attribute lists, HTML comments and mkdocstrings `:::` blocks.

Matching: a variant is found as written, case included, so `Manager`,
`BaseManager` or `ProcessPoolExecutor` in prose never count as `manager` or
`executor`. A variant that begins or ends with an ASCII letter or digit must
stand alone at that end (no letter, digit, `_`, `-` or `.` next to it), with an
optional plural `s`. Two uses are not replacements: an English word given as a
gloss, in parentheses right after the Chinese term (`资源跟踪器（resource tracker）`)
or followed by its Chinese term in parentheses (`target（目标函数）`); and a
variant that is part of the row's own term (`附注` inside `异常附注`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from verifier.catalog import REPO_ROOT
from verifier.fences import fenced_lines

TABLE = REPO_ROOT / "docs" / "_includes" / "glossary-table.md"
ZH = REPO_ROOT / "docs" / "zh"
REPLACED_HEADER = "replaced"


@dataclass(frozen=True)
class Row:
    terms: tuple[str, ...]  # the first column, split on 、
    replaced: tuple[str, ...]

    @property
    def forms(self) -> set[str]:
        """Every way the row's own term may be written: `fork 服务器（进程）`
        gives itself, `fork 服务器`, `fork 服务器进程` and `进程`."""
        forms = set()
        for term in self.terms:
            forms |= {
                term,
                re.sub(r"（[^）]*）", "", term),
                term.replace("（", "").replace("）", ""),
            }
            forms |= set(re.findall(r"（([^）]*)）", term))
        return {form.strip() for form in forms if form.strip()}


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def glossary_rows(text: str) -> list[Row]:
    lines = [line for line in text.splitlines() if line.startswith("|")]
    header = _cells(lines[0])
    column = next(i for i, name in enumerate(header) if REPLACED_HEADER in name)
    rows = []
    for line in lines[2:]:
        cells = _cells(line)
        replaced = tuple(v.strip() for v in cells[column].split("、") if v.strip())
        rows.append(Row(tuple(t.strip() for t in cells[0].split("、")), replaced))
    return rows


ROWS = glossary_rows(TABLE.read_text(encoding="utf-8"))

# A code span may wrap onto the next line, but never across a blank one.
_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.DOTALL)
_ATTR = r"(?:[#.][\w-]+|[\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\s}]+))"
_ATTR_LIST = re.compile(r"\{:?[ \t]*" + _ATTR + r"(?:[ \t]+" + _ATTR + r")*[ \t]*\}")
_LINK_TARGET = re.compile(r"\]\((?:<[^>]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+\"[^\"]*\")?\)")
_REF_DEFINITION = re.compile(r"^\s*\[[^\]]+\]:\s+\S")
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>]*>")
_URL = re.compile(r"https?://[^\s)）]+")
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SNIPPET = re.compile(r"^\s*-{1,3}8<-{1,3}")
_MKDOCSTRINGS = re.compile(r"^:::\s")
_FRONT_MATTER_KEY = re.compile(r"^[\w-]+:\s?")
# What stands for removed inline code: a character that is neither CJK nor
# ASCII word material, so that it neither joins nor separates words wrongly.
PLACEHOLDER = "\u2423"


def prose_lines(text: str) -> list[str]:
    """The page's prose, one entry per source line (so line numbers hold)."""
    text = _COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)
    lines = text.split("\n")
    kept: list[str] = []
    fenced = fenced_lines(text, Path("<prose>"))
    front_matter = bool(lines) and lines[0] == "---"
    in_mkdocstrings = False
    for number, line in enumerate(lines):
        if front_matter:
            if number > 0 and line == "---":
                front_matter = False
                kept.append("")
            else:
                kept.append("" if number == 0 else _FRONT_MATTER_KEY.sub("", line))
            continue
        if number + 1 in fenced:
            kept.append("")
            continue
        if _MKDOCSTRINGS.match(line):
            in_mkdocstrings = True
        elif in_mkdocstrings and not line.startswith((" ", "\t")) and line.strip():
            in_mkdocstrings = False
        if in_mkdocstrings or _SNIPPET.match(line) or _REF_DEFINITION.match(line):
            kept.append("")
            continue
        kept.append(line)
    prose = "\n".join(kept)
    prose = _INLINE_CODE.sub(lambda m: PLACEHOLDER + "\n" * m.group().count("\n"), prose)
    for pattern in (_LINK_TARGET, _AUTOLINK, _URL, _TAG, _ATTR_LIST):
        prose = pattern.sub(lambda m: "]" if m.group().startswith("](") else "", prose)
    return prose.split("\n")


_ASCII_WORD = "A-Za-z0-9_"


def variant_pattern(variant: str) -> re.Pattern:
    pattern = re.escape(variant)
    if re.match(r"[A-Za-z0-9]", variant):
        pattern = rf"(?<![{_ASCII_WORD}.\-]){pattern}"
    if re.search(r"[A-Za-z0-9]$", variant):
        pattern = rf"{pattern}s?(?![{_ASCII_WORD}\-])"
    return re.compile(pattern)


def _is_gloss(line: str, start: int, end: int, row: Row) -> bool:
    """`术语（variant）`, `术语 (variant)` or `variant（术语）`."""
    before, after = line[:start], line[end:]
    if (before.endswith("（") and after.startswith("）")) or (
        before.endswith("(") and after.startswith(")")
    ):
        return True
    return any(after.startswith(f"（{form}）") for form in row.forms)


def _inside_own_term(line: str, start: int, end: int, variant: str, row: Row) -> bool:
    for form in row.forms:
        if len(form) <= len(variant) or variant not in form:
            continue
        for found in re.finditer(re.escape(form), line):
            if found.start() <= start and end <= found.end():
                return True
    return False


@dataclass(frozen=True)
class Finding:
    line: int
    variant: str
    term: str
    context: str

    def __str__(self) -> str:
        return f"{self.line}: {self.variant!r} (use {self.term}) in ...{self.context}..."


def findings(text: str, rows: list[Row] = ROWS) -> list[Finding]:
    found = []
    for number, line in enumerate(prose_lines(text), start=1):
        for row in rows:
            for variant in row.replaced:
                for match in variant_pattern(variant).finditer(line):
                    start, end = match.span()
                    if _is_gloss(line, start, end, row) or _inside_own_term(
                        line, start, end, variant, row
                    ):
                        continue
                    context = line[max(0, start - 20) : end + 20].replace(PLACEHOLDER, "`…`")
                    found.append(Finding(number, variant, row.terms[0], context))
    return sorted(found, key=lambda f: f.line)


ZH_PAGES = sorted(ZH.rglob("*.md"))


@pytest.mark.parametrize("page", ZH_PAGES, ids=[p.relative_to(ZH).as_posix() for p in ZH_PAGES])
def test_zh_prose_uses_the_glossary_terms(page: Path) -> None:
    found = findings(page.read_text(encoding="utf-8"))
    assert not found, f"docs/zh/{page.relative_to(ZH).as_posix()}: {len(found)} replaced " + (
        "wordings:\n" + "\n".join(map(str, found))
    )


def test_the_glossary_table_lists_replaced_wordings() -> None:
    """The column exists, and no replaced wording is itself a term of the table."""
    assert any(row.replaced for row in ROWS)
    terms = {term for row in ROWS for term in row.terms}
    clashes = sorted({v for row in ROWS for v in row.replaced} & terms)
    assert not clashes, f"listed as replaced but also a glossary term: {clashes}"


SAMPLE = """\
---
description: "description 里的 manager 也算"
---

# 标题 { #manager-title }

`BaseManager` 和 Manager 不算，[远程管理器](remote.md#remote-manager) 的链接目标也不算。
这个 manager 算，managers 也算；资源跟踪器（resource tracker）是注解，target（目标函数）也是。
异常附注不算，单独的附注算。<span data-x="executor">执行器</span>不算。

```python
manager = executor  # code does not count
```
"""


def test_the_matching_rules_on_a_sample() -> None:
    rows = [
        Row(("管理器",), ("manager",)),
        Row(("资源跟踪器",), ("resource tracker",)),
        Row(("target（目标函数）",), ("target",)),
        Row(("异常附注",), ("附注",)),
        Row(("执行器",), ("executor",)),
    ]
    assert [(f.line, f.variant) for f in findings(SAMPLE, rows)] == [
        (2, "manager"),
        (8, "manager"),
        (8, "manager"),
        (9, "附注"),
    ]
