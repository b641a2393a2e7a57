"""Put a small "verified under" mark above every verified program on a page.

The mark is computed from the page's own output blocks, read by the same
parser the snippet tests use (`verifier.pages`): the start methods some block
claims, the oldest Python version a block claims up to the newest release line the
suite runs (`verifier.pythons.SUPPORTED`; every line must have a block), and
`data-platforms`.  It cannot say more
than the tests check, and it changes when the declarations change.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

# MkDocs loads hooks by path; the verifier package sits next to hooks/.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from verifier.catalog import REPO_ROOT
from verifier.pages import START_METHODS, ShownProgram, parse_page
from verifier.pythons import SUPPORTED, version_key

_WORDS = {
    "zh": {"verified": "已验证", "only": "仅限 {}", "how": "验证方法"},
    "en": {"verified": "Verified", "only": "{} only", "how": "how examples are verified"},
}
_PLATFORM_NAMES = {"linux": "Linux", "macos": "macOS", "windows": "Windows"}


def mark_text(program: ShownProgram, language: str) -> str:
    """`Verified: fork · spawn · forkserver · Python 3.9–3.15` (in the page's language).

    The range ends at the newest release line the test command requires
    (`verifier.pythons.SUPPORTED`), which is the newest that ran."""
    words = _WORDS[language]
    methods = [m for m in START_METHODS if m in program.methods]
    oldest = min((v for v in (program.oldest_python(m) for m in methods) if v), key=version_key)
    newest = SUPPORTED[-1]
    parts = [" · ".join(methods), f"Python {oldest}" + (f"–{newest}" if oldest != newest else "")]
    if program.platforms:
        names = ", ".join(_PLATFORM_NAMES[p] for p in program.platforms)
        parts.append(words["only"].format(names))
    separator = "：" if language == "zh" else ": "
    return words["verified"] + separator + " · ".join(parts)


def on_page_markdown(markdown: str, page, config, files) -> str:
    language = Path(page.file.src_uri).parts[0]
    if language not in _WORDS:
        return markdown
    parsed = parse_page(markdown, Path("docs", page.file.src_uri), REPO_ROOT)
    if not parsed.programs:
        return markdown
    depth = len(Path(page.file.src_uri).parts) - 2  # folders below the language root
    how = "../" * depth + "contributing/verification.md"
    lines = markdown.split("\n")
    # From the bottom up, so that earlier line numbers stay valid.
    for program in sorted(parsed.programs, key=lambda p: p.fence.line, reverse=True):
        indent = " " * program.fence.indent
        text = html.escape(mark_text(program, language))
        title = html.escape(_WORDS[language]["how"])
        mark = f'{indent}<p class="verified-under" markdown="span">[{text}]({how} "{title}")</p>'
        at = program.fence.line - 1
        lines[at:at] = [mark, ""]
    return "\n".join(lines)
