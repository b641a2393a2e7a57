"""Put a small "verified under" mark above every verified program on a page.

The mark links to how examples are verified, and to the check kit
(`hooks/check_kit.py`), with which a reader checks them on their own machine.

The mark is computed from the page's own output blocks, read by the same
parser the example tests use (`verifier.pages`): the start methods some block
claims, the oldest Python version a block claims up to the newest release line
the suite runs (`verifier.interpreters.SUPPORTED`; every line must have a
block), and `data-platforms`.  It cannot say more than the tests check, and it
changes when the declarations change.
"""

from __future__ import annotations

import html
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from hooks.archives import KIT_PATH
from hooks.site_catalog import lines_before, page_of, root_of
from hooks.site_map import page_language
from hooks.strings import strings
from verifier.claims import oldest_python
from verifier.container import describe
from verifier.declarations import ShownExample
from verifier.interpreters import END_OF_LIFE, SUPPORTED, eol_label, lines_from, version_key
from verifier.pages import parse_page

_PLATFORM_NAMES = {"linux": "Linux", "macos": "macOS", "windows": "Windows"}


def _oldest(example: ShownExample) -> str:
    methods = example.methods
    return min((v for v in (oldest_python(example, m) for m in methods) if v), key=version_key)


def mark_text(example: ShownExample, language: str) -> str:
    """`Verified: fork · spawn · forkserver · Python 3.9–3.15 (3.9–3.10 EOL)` (in
    the page's language).

    The range ends at the newest release line the test command requires
    (`verifier.interpreters.SUPPORTED`), which is the newest that ran; the lines
    in it past their end of life (`verifier.interpreters.END_OF_LIFE`) are named."""
    words = strings(language)["verified_mark"]
    punctuation = strings(language)["punctuation"]
    methods = example.methods  # in START_METHODS order
    oldest = _oldest(example)
    newest = SUPPORTED[-1]
    versions = f"Python {oldest}" + (f"–{newest}" if oldest != newest else "")
    label = eol_label(lines_from(oldest, newest))
    parts = [" · ".join(methods), versions + (words["eol"].format(label) if label else "")]
    if example.platforms:
        names = ", ".join(_PLATFORM_NAMES[p] for p in example.platforms)
        parts.append(words["only"].format(names))
    if example.container:
        parts.append(words["container"].format(describe(example.container)))
    return words["verified"] + punctuation["colon"] + " · ".join(parts)


def mark_title(example: ShownExample, language: str) -> str:
    """The tooltip of the mark: where it links, and when the lines it names that
    are past their end of life reached it."""
    words = strings(language)["verified_mark"]
    punctuation = strings(language)["punctuation"]
    past = [line for line in lines_from(_oldest(example)) if line in END_OF_LIFE]
    if not past:
        return words["how"]
    since = punctuation["enumeration"].join(
        words["eol_since"].format(l, END_OF_LIFE[l]) for l in past
    )
    return words["how"] + punctuation["semicolon"] + words["eol_title"].format(since)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = page_language(page.file.src_uri)
    if language is None:
        return markdown
    # Read as the page checker reads it, with the includes of the site being
    # built: this build's catalog (hooks.site_catalog), whose lines are the
    # file's, front matter included; or, if the Markdown is not the file's, read now.
    parsed = page_of(config, page.file.src_uri)
    skipped = lines_before(config, parsed, markdown) if parsed is not None else None
    if parsed is None or skipped is None:
        root = root_of(config)
        source = Path(config.docs_dir).resolve().relative_to(root) / page.file.src_uri
        parsed, skipped = parse_page(markdown, source, root), 0
    if not parsed.examples:
        return markdown
    depth = len(Path(page.file.src_uri).parts) - 2  # folders below the language root
    how = "../" * depth + "contributing/verification.md"
    kit = "../" * (depth + 1) + KIT_PATH  # from the language folder to the site root
    lines = markdown.split("\n")
    # From the bottom up, so that earlier line numbers stay valid.
    for example in sorted(parsed.examples, key=lambda p: p.fence.line, reverse=True):
        indent = " " * example.fence.indent
        text = html.escape(mark_text(example, language))
        title = html.escape(mark_title(example, language))
        words = {k: html.escape(v) for k, v in strings(language)["verified_mark"].items()}
        mark = (
            f'{indent}<p class="verified-under" markdown="span">[{text}]({how} "{title}")'
            f' · [{words["kit"]}]({kit} "{words["kit_title"]}"){{ download="{PurePosixPath(KIT_PATH).name}" }}</p>'
        )
        at = example.fence.line - 1 - skipped
        lines[at:at] = [mark, ""]
    return "\n".join(lines)
