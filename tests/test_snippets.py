"""Every program shown on the site prints exactly what its pages show.

One test per (program, start method).  The program is run as a reader runs
it (see `verifier.run`) and the result is compared with every page that shows
it.  With --update-examples the shown outputs are rewritten from real runs
instead (see `verifier.update`).
"""

from __future__ import annotations

import multiprocessing

import pytest

from verifier.catalog import site_catalog
from verifier.check import verify
from verifier.run import python_version
from verifier.update import plan


def _cases(config: pytest.Config) -> list:
    wanted = config.getoption("start_methods").split(",")
    cases = []
    root = config.getoption("site_root").resolve()
    for snippet in site_catalog(root).snippets:
        for method in snippet.methods:
            if method not in wanted:
                continue
            marks = []
            if method not in multiprocessing.get_all_start_methods():
                marks.append(pytest.mark.skip(reason=f"{method} is not available here"))
            for kind in snippet.stdout_kinds:
                suffix = "" if kind == "terminal" else f"-stdout-to-{kind}"
                cases.append(
                    pytest.param(
                        snippet, method, kind, id=f"{snippet.id}-{method}{suffix}", marks=marks
                    )
                )
    return cases


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if {"snippet", "method", "stdout_kind"} <= set(metafunc.fixturenames):
        metafunc.parametrize(("snippet", "method", "stdout_kind"), _cases(metafunc.config))


# Results kept for --update-examples, which needs every method of a program.
_results: dict = {}


def test_snippet(
    snippet, method, stdout_kind, request: pytest.FixtureRequest, eval_example
) -> None:
    config = request.config
    options = {
        "python": config.getoption("snippet_python"),
        "timeout": config.getoption("snippet_timeout"),
        "stdout_mode": config.getoption("stdout_mode"),
    }
    repeat = config.getoption("snippet_repeat")
    verdict = verify(snippet, method, repeat=repeat, stdout_kind=stdout_kind, **options)
    request.node.user_properties += [
        ("start_method", method),
        ("snippet_runs", len(verdict.results)),
        ("snippet_failed_runs", verdict.failed_runs),
    ]
    if not eval_example.update_examples or stdout_kind != "terminal":
        if verdict.failures:
            pytest.fail("\n\n".join(verdict.failures), pytrace=False)
        return

    _results[(snippet.id, method)] = verdict.results[-1]
    if method != snippet.methods[-1]:
        return  # the program's last method plans the rewrite for all of them
    results = {}
    for m in snippet.methods:
        if (snippet.id, m) not in _results:
            _results[(snippet.id, m)] = verify(snippet, m, **options).results[-1]
        results[m] = _results[(snippet.id, m)]
    rewrites, refusals = plan(snippet, results, python_version(options["python"]))
    if refusals:
        pytest.fail("not updated:\n\n" + "\n\n".join(refusals), pytrace=False)
    root = config.getoption("site_root").resolve()
    eval_example.to_update.extend(r.as_code_example(root) for r in rewrites)
