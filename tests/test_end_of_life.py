"""Wherever the site names a Python line past its end of life, it says so.

The examples still run on every line of `SUPPORTED`, the lines past their end
of life included; `END_OF_LIFE` (both in `verifier.interpreters`) is the one
place that says which those are.  Everything here is derived from it:

* a content tab title or a block title naming Python versions
  (`=== "Python 3.9–3.13 (3.9–3.10 EOL)"`, `title="Standard error (Python 3.9
  only, EOL)"`) and a table row headed by Python versions carry the label
  `verifier.interpreters.eol_label()` gives for the lines they name: `EOL`
  when all of them are past their end of life, `3.9–3.10 EOL` when some are; a
  tab title or a row header ends with it, in parentheses (full-width in
  Chinese);
* the verified mark above each program (`hooks/verified_marks.py`) names the
  lines of its range past their end of life, and its tooltip says since when;
* a sentence of the README or of a page that states which Pythons the site
  needs, runs or verifies ("3.9 or newer", "verified on 3.9–3.15", a list of
  the releases that run, such as 3.9.18) says in the same paragraph that they
  are past their end of life ("end of life" in English, 停止维护 in Chinese,
  or the short label of the titles, which suits a table cell).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hooks import verified_marks
from hooks.site_map import LANGUAGES
from verifier.catalog import REPO_ROOT, site_catalog
from verifier.claims import oldest_python
from verifier.fences import fenced_lines, scan_fences
from verifier.interpreters import END_OF_LIFE, SUPPORTED, eol_label, lines_from, version_key

_VERSION = r"3\.\d+(?:\.\d+)?"
_ITEM = re.compile(rf"(?P<low>{_VERSION})(?:(?P<plus>\+)|–(?P<high>{_VERSION}))?")
_LABEL = re.compile(rf"(?:{_VERSION}(?:–{_VERSION})? )?EOL")
_SUFFIX = {"en": " ({})", "zh": "（{}）"}
PROSE_LABEL = {"en": "end of life", "zh": "停止维护"}
"""What a paragraph naming the versions the site runs says about the old ones."""


def named_lines(title: str) -> tuple[str, ...]:
    """The release lines of `SUPPORTED` a title names after "Python", e.g. 3.9 to
    3.13 and 3.14 for `Python 3.9–3.13.7, 3.14.0` (the label left out)."""
    text = _LABEL.sub("", title)
    at = text.find("Python ")
    if at < 0:
        return ()
    lines: set[str] = set()
    for item in _ITEM.finditer(text[at:]):
        high = item["high"] or (SUPPORTED[-1] if item["plus"] else item["low"])
        lines.update(lines_from(item["low"], high))
    return tuple(line for line in SUPPORTED if line in lines)


def _language(path: Path) -> str:
    return path.parts[1] if path.parts[0] == "docs" else "en"


def _texts() -> list[tuple[Path, str]]:
    pages = sorted(p for p in (REPO_ROOT / "docs").rglob("*.md") if "_includes" not in p.parts)
    return [
        (p.relative_to(REPO_ROOT), p.read_text(encoding="utf-8"))
        for p in [REPO_ROOT / "README.md", *pages]
    ]


TEXTS = _texts()
IDS = [path.as_posix() for path, _ in TEXTS]


def _title_problems(where: str, title: str, language: str, *, suffix: bool) -> list[str]:
    label = eol_label(named_lines(title))
    bare = _LABEL.sub("", title)
    if not label:
        return [f"{where}: {title!r} says EOL, but names no line past it"] if bare != title else []
    if suffix:
        wanted = re.sub(r"\s*[(（]\s*[)）]$", "", bare.rstrip()) + _SUFFIX[language].format(label)
        return [] if title == wanted else [f"{where}: {title!r} should read {wanted!r}"]
    found = [m.group(0) for m in _LABEL.finditer(title)]
    return [] if found == [label] else [f"{where}: {title!r} should say {label!r}"]


@pytest.mark.parametrize(("path", "text"), TEXTS, ids=IDS)
def test_titles_label_the_lines_past_end_of_life(path: Path, text: str) -> None:
    """Content tabs, block titles and table rows headed by Python versions."""
    language = _language(path)
    problems = []
    for fence in scan_fences(text, path):
        if "title" in fence.attrs:
            problems += _title_problems(fence.where, fence.attrs["title"], language, suffix=False)
    code = fenced_lines(text, path)
    for number, line in enumerate(text.splitlines(), 1):
        if number in code:
            continue
        where = f"{path.as_posix()}:{number}"
        stripped = line.strip()
        tab = re.fullmatch(r'[=?!]{3}\+? "(.*)"', stripped)
        if tab:
            problems += _title_problems(where, tab.group(1), language, suffix=True)
        row = re.match(r"\|\s*(Python [^|]*?)\s*\|", stripped)
        if row:
            problems += _title_problems(where, row.group(1), language, suffix=True)
    assert not problems, "\n".join(problems)


_SUPPORT_EN = re.compile(
    r"\b(verif\w*|check\w*|runs?|ran|running|claims?|support\w*|needs?|test\w*)\b", re.IGNORECASE
)
_SUPPORT_ZH = re.compile(r"验证|检查|运行|声明|支持|需要|测试")


def _statements(language: str) -> list[re.Pattern[str]]:
    """What names the Pythons the site runs: a line past its end of life "or
    newer", a range from one to the newest line, or one of its releases."""
    eol = "|".join(re.escape(line) for line in END_OF_LIFE)
    newest = re.escape(SUPPORTED[-1])
    return [
        re.compile(rf"(?<![\d.])(?:{eol})(?:\.\d+)?(?: or newer| 或更新| 及以上)"),
        re.compile(
            rf"(?<![\d.])(?:{eol})(?:\.\d+)?\s*(?:to|–|-|到|至)\s*(?:Python )?{newest}(?![\d.])"
        ),
        re.compile(rf"(?<![\d.])(?:{eol})\.\d+(?![\d.])"),
    ]


def _paragraphs(path: Path, text: str) -> list[list]:
    """[first line, text] of each paragraph, heading, list item and table row
    outside code blocks."""
    found: list[list] = []
    current = None
    code = fenced_lines(text, path)
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if number in code or not stripped:
            current = None
            continue
        starts = re.match(r"(#{1,6} |[-*] |\d+\. |\||[=?!]{3})", stripped)
        if current is None or starts or current[1].startswith("|"):
            current = [number, stripped]
            found.append(current)
        else:
            current[1] += " " + stripped
    return found


@pytest.mark.parametrize(("path", "text"), TEXTS, ids=IDS)
def test_lists_of_the_pythons_that_run_label_the_old_ones(path: Path, text: str) -> None:
    language = _language(path)
    support = _SUPPORT_ZH if language == "zh" else _SUPPORT_EN
    patterns = _statements(language)
    problems = []
    for number, paragraph in _paragraphs(path, text):
        if PROSE_LABEL[language] in paragraph or _LABEL.search(paragraph):
            continue  # (a table cell may use the short label of the titles)
        if re.match(r"[=?!]{3}", paragraph):
            continue  # a content tab: its title is checked above
        for sentence in re.split(r"(?<=[.;])\s+|(?<=[。；])", paragraph):
            if any(p.search(sentence) for p in patterns[:1] + patterns[2:]) or (
                patterns[1].search(sentence) and support.search(sentence)
            ):
                problems.append(
                    f"{path.as_posix()}:{number}: names Pythons past their end of life "
                    f"without saying so ({PROSE_LABEL[language]!r}): {sentence[:120]!r}"
                )
                break
    assert not problems, "\n".join(problems)


def test_marks_name_the_lines_past_end_of_life() -> None:
    problems = []
    for page in site_catalog().pages:
        language = page.path.parts[1]
        for example in page.examples:
            oldest = min(
                (v for v in (oldest_python(example, m) for m in example.methods) if v),
                key=version_key,
            )
            past = [line for line in lines_from(oldest) if line in END_OF_LIFE]
            mark = verified_marks.mark_text(example, language)
            title = verified_marks.mark_title(example, language)
            label = eol_label(lines_from(oldest))
            if past and _SUFFIX[language].format(label) not in mark:
                problems.append(f"{example.fence.where}: mark {mark!r} lacks {label!r}")
            if not past and "EOL" in mark:
                problems.append(f"{example.fence.where}: mark {mark!r} names no EOL line")
            for line in past:
                if line not in title or END_OF_LIFE[line] not in title:
                    problems.append(f"{example.fence.where}: tooltip {title!r} lacks {line}")
    assert not problems, "\n".join(problems)


def test_the_lines_past_end_of_life_are_the_oldest_supported() -> None:
    assert list(END_OF_LIFE) == list(SUPPORTED[: len(END_OF_LIFE)])
    assert all(re.fullmatch(r"20\d\d-\d\d", month) for month in END_OF_LIFE.values())


def test_the_label() -> None:
    assert named_lines("Python 3.9–3.13.7, 3.14.0") == lines_from("3.9", "3.14")
    assert named_lines("Python 3.10+ (3.10 EOL)") == lines_from("3.10")
    assert named_lines("Python 3.14+") == lines_from("3.14")
    assert named_lines("spawn, forkserver") == ()
    assert eol_label(lines_from("3.9", "3.10")) == "EOL"
    assert eol_label(lines_from("3.9", "3.13")) == "3.9–3.10 EOL"
    assert eol_label(lines_from("3.10")) == "3.10 EOL"
    assert eol_label(lines_from("3.11")) == ""
    assert _title_problems("x", "Python 3.9–3.13", "en", suffix=True) == [
        "x: 'Python 3.9–3.13' should read 'Python 3.9–3.13 (3.9–3.10 EOL)'"
    ]
    assert _title_problems("x", "Python 3.9–3.13（3.9–3.10 EOL）", "zh", suffix=True) == []
    assert _title_problems("x", "Python 3.11+ (EOL)", "en", suffix=True)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_verification_page_gives_the_months(language: str) -> None:
    """The section on lines past their end of life names each with its month."""
    text = (REPO_ROOT / "docs" / language / "contributing" / "verification.md").read_text(
        encoding="utf-8"
    )
    assert "{ #end-of-life }" in text
    section = text.split("{ #end-of-life }", 1)[1].split("\n#", 1)[0]
    for line, month in END_OF_LIFE.items():
        assert f"{line} " in section and month in section, f"{line}, {month}"
    months = set(re.findall(r"\b20\d\d-\d\d\b", section))
    assert months == set(END_OF_LIFE.values()), f"months {months}, END_OF_LIFE {END_OF_LIFE}"
