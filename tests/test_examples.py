"""Every example shown on the site prints exactly what its pages show.

One test per run: (interpreter, example, start method, stdout kind), with ids
like `queue/put_get.py-spawn`; the example's folder is named after its page, so
`-k queue` selects the runs of the examples on queue.md.  The runs, the check
and the update mode are the verifier's pytest plugin (`verifier.pytest_plugin`),
which has the check kit make the runs (`verifier.check`).
"""

from __future__ import annotations

from collections.abc import Callable

from verifier.pytest_plugin import ExampleRun


def test_example(example_run: ExampleRun, verify_example: Callable[[ExampleRun], None]) -> None:
    verify_example(example_run)
