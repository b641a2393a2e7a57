"""Work out new text for output blocks from real runs (`dev.py update`).

Only the text of existing blocks is rewritten, and only when it is safe: the
update refuses, and says why, when the start methods a block covers print
different things, when a block uses wildcards, or when a run failed in a way
no text can express (a timeout, an unexpected exit status, stderr with no
block to show it, leftovers).  Those need a person to decide what the page
should say.  The rewrite itself is done by pytest-examples at the end of the
session (see `tests/test_snippets.py`).
"""

from __future__ import annotations

from dataclasses import dataclass

from pytest_examples import CodeExample

from verifier.catalog import Snippet
from verifier.compare import diff, matches
from verifier.pages import OutputBlock
from verifier.run import RunResult


@dataclass(frozen=True)
class Rewrite:
    """New text for one output block."""

    block: OutputBlock
    text: str

    def as_code_example(self, root) -> CodeExample:
        """The rewrite in the form pytest-examples' `--update-examples` applies."""
        fence = self.block.fence
        return CodeExample.create(
            self.text,
            path=root / fence.page,
            start_line=fence.line,
            start_index=fence.body_start,
            end_index=fence.body_end,
            indent=fence.indent,
        )


def plan(
    snippet: Snippet, results: dict[str, RunResult], version: str
) -> tuple[list[Rewrite], list[str]]:
    """Rewrites that make every page match `results` (runs on Python `version`),
    or the reasons to refuse.  Blocks claimed for other versions are left alone."""
    refusals: list[str] = []
    rewrites: list[Rewrite] = []
    for shown in snippet.shown:
        for method in shown.methods:
            result = results[method]
            expected = shown.expected(method, version)
            where = f"{shown.fence.where} under {method}"
            if result.timed_out:
                refusals.append(f"{where}: timed out; fix the program first")
            elif result.exit_code != expected.exit_code:
                refusals.append(
                    f"{where}: exit status {result.exit_code}, the page says "
                    f"{expected.exit_code}; set data-exit by hand if that is intended"
                )
            if expected.stderr is None and result.stderr:
                refusals.append(
                    f"{where}: printed to stderr but the page has no stderr block; "
                    f"add one by hand if that is intended:\n{result.stderr}"
                )
            if result.survivors or result.leaked:
                refusals.append(f"{where}: left processes or /dev/shm entries behind")
        for block in shown.outputs:
            # Claims for other Pythons, or for stdout redirected to a file, need
            # runs this update did not make: they are left alone.
            if not any(block.holds_for(m, version) for m in block.methods):
                continue
            texts = {m: getattr(results[m], block.stream) for m in block.methods}
            if all(matches(block.text, t, wildcard=block.wildcard) for t in texts.values()):
                continue  # still true for every method, wildcards included
            if len(set(texts.values())) > 1:
                first, *others = block.methods
                refusals.append(
                    f"{block.fence.where}: start methods disagree on this block; show "
                    "each variant in its own block with data-methods:\n"
                    + "".join(
                        diff(texts[first], texts[m], expected_label=first, actual_label=m)
                        for m in others
                        if texts[m] != texts[first]
                    )
                )
                continue
            new = texts[block.methods[0]]
            if block.wildcard:
                refusals.append(
                    f"{block.fence.where}: uses ... wildcards, so it is not rewritten; "
                    "edit it by hand:\n"
                    + diff(block.text, new, expected_label="shown", actual_label="actual")
                )
            elif new and not new.endswith("\n"):
                refusals.append(f"{block.fence.where}: output does not end with a newline")
            else:
                rewrites.append(Rewrite(block, new))
    return ([] if refusals else rewrites), refusals
