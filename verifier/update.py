"""Work out new text for output blocks from real runs (`dev.py update`).

Only the text of existing blocks is rewritten, and only when it is safe: the
update refuses, and says why, when the start methods a block covers print
different things, when a block uses wildcards, or when a run failed in a way
no text can express (a timeout, an unexpected exit status, stderr with no
block to show it, leftovers).  Those need a person to decide what the page
should say.  The rewrite itself is done by pytest-examples at the end of the
session (see `verifier.pytest_plugin`).
"""

from __future__ import annotations

from dataclasses import dataclass

from pytest_examples import CodeExample

from verifier.claims import expected, holds
from verifier.compare import diff, matches
from verifier.declarations import Example, OutputBlock
from verifier.runner import RunResult
from verifier.verdict import run_failures


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


_HINTS = {
    "timeout": "fix the program first",
    "exit": "set data-exit by hand if that is intended",
    "stderr": "add a stderr block by hand if that is intended",
    "leftovers": "fix the program first",
}
"""What a person must do about each of `verifier.verdict.run_failures`' rules."""


def blocks_to_update(example: Example, version: str, selected: set[str]) -> list[OutputBlock]:
    """The output blocks an update of the runs under the `selected` start methods
    rewrites: those that hold on Python `version` for a terminal run under one of
    them.  A block that also covers other methods is rewritten only if those print
    the same, so they are run too (see `methods_needed`)."""
    return [
        block
        for shown in example.shown
        for block in shown.outputs
        if any(holds(block, m, version) for m in block.methods if m in selected)
    ]


def methods_needed(example: Example, version: str, selected: set[str]) -> list[str]:
    """The start methods whose runs `plan` needs for an update of `selected`."""
    return _methods_of(example, blocks_to_update(example, version, selected))


def _methods_of(example: Example, blocks: list[OutputBlock]) -> list[str]:
    return [m for m in example.methods if any(m in b.methods for b in blocks)]


def plan(
    example: Example,
    results: dict[str, RunResult],
    version: str,
    selected: set[str] | None = None,
) -> tuple[list[Rewrite], list[str]]:
    """Rewrites that make the pages match `results` (runs on Python `version`, one
    per start method in `methods_needed`), or the reasons to refuse: a run failure
    no text can express (`verifier.verdict.run_failures`), start methods that
    disagree on one block, a block with wildcards.  Only the blocks of
    `blocks_to_update` are considered (`selected`: every method by default);
    blocks claimed for other versions, or for stdout redirected to a file, are
    left alone."""
    selected = set(example.methods) if selected is None else selected
    wanted = blocks_to_update(example, version, selected)
    needed = _methods_of(example, wanted)
    refusals: list[str] = []
    rewrites: list[Rewrite] = []
    for shown in example.shown:
        for method in needed:
            if not any(holds(b, method, version) for b in shown.outputs):
                continue  # this page claims nothing for this method on this Python
            for failure in run_failures(results[method], expected(shown, method, version)):
                refusals.append(
                    f"{shown.fence.where} under {method}: {failure.message.rstrip()}\n"
                    f"    not updated: {_HINTS[failure.rule]}"
                )
        for block in shown.outputs:
            if block not in wanted:
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
